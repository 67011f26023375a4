namespace Evidence.Core.Collection;

/// <summary>Counts calls by operation while a collector walks a streamed plan, then becomes a <see cref="CallEstimate"/>.</summary>
public sealed class CallTally
{
    private readonly SortedDictionary<string, long> _calls = new(StringComparer.Ordinal);

    public long Tasks { get; private set; }

    public void Task() => Tasks++;

    public void Add(string operation, long calls)
    {
        if (calls > 0)
        {
            _calls[operation] = _calls.GetValueOrDefault(operation) + calls;
        }
    }

    public long Calls => _calls.Values.Sum();

    public CallEstimate ToEstimate(string cloud, double rate, int burst, DetailLevel detail, string? basis) => new()
    {
        Cloud = cloud, CallsByOperation = [.. _calls], Seconds = CallEstimate.SecondsAt(Calls, rate, burst), Tasks = Tasks,
        Detail = detail, Basis = basis,
    };
}
