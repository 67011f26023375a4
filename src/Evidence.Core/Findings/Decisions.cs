namespace Evidence.Core.Findings;

/// <summary>
/// The findings.yaml entries, ready to be asked for one finding at a time: an exact key first (a dictionary
/// lookup), else the first pattern that matches, in file order.
/// </summary>
internal sealed class Decisions
{
    private readonly Dictionary<string, FindingRecord> _exact = new(StringComparer.Ordinal);
    private readonly List<FindingRecord> _patterns = [];

    public Decisions(IEnumerable<FindingRecord> records)
    {
        foreach (var record in records)
        {
            if (record.IsPattern)
            {
                _patterns.Add(record);
            }
            else
            {
                _exact.TryAdd(record.Key.Value, record);
            }
        }
    }

    public FindingRecord? For(string key) =>
        _exact.GetValueOrDefault(key) ?? _patterns.FirstOrDefault(p => FindingKey.Matches(p.Key.Value, key));
}
