using System.Text.RegularExpressions;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// A FAKE of Kusto, only as much as the tests and the sample need: <c>resources</c>, then any of
/// <c>where type in~ ('a', 'b')</c>, <c>where type =~ 'a'</c>, <c>where</c> conjunctions of
/// <c>tags['k'] =~ 'v'</c>, <c>isempty(tags['k'])</c> and <c>isnotempty(tags['k'])</c>, and
/// <c>project col, …</c>. Anything else is not understood (the server answers 400 InvalidQuery);
/// it is a hard-coded reading of these shapes, not a Kusto parser.
/// </summary>
public sealed partial class FakeGraphQuery
{
    private readonly List<Func<FakeGraphResource, bool>> _filters = [];
    private IReadOnlyList<string>? _columns;

    private FakeGraphQuery()
    {
    }

    /// <summary>The query understood, or null.</summary>
    public static FakeGraphQuery? Parse(string? text)
    {
        var stages = (text ?? string.Empty).Split('|').Select(s => s.Trim()).ToList();
        if (!string.Equals(stages[0], "resources", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var query = new FakeGraphQuery();
        foreach (var stage in stages.Skip(1))
        {
            if (stage.StartsWith("project ", StringComparison.OrdinalIgnoreCase))
            {
                query._columns = [.. stage[8..].Split(',').Select(c => c.Trim())];
                continue;
            }

            if (!stage.StartsWith("where ", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            foreach (var condition in stage[6..].Split(" and ", StringSplitOptions.TrimEntries))
            {
                if (Condition(condition) is not { } filter)
                {
                    return null;
                }

                query._filters.Add(filter);
            }
        }

        return query;
    }

    public bool Matches(FakeGraphResource resource) => _filters.All(f => f(resource));

    public Dictionary<string, object> Row(FakeGraphResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var all = resource.Columns();
        return _columns is null ? all : _columns.Where(all.ContainsKey).ToDictionary(c => c, c => all[c], StringComparer.Ordinal);
    }

    private static Func<FakeGraphResource, bool>? Condition(string condition)
    {
        if (TypeIn().Match(condition) is { Success: true } typeIn)
        {
            var types = typeIn.Groups["list"].Value.Split(',').Select(t => t.Trim().Trim('\'')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return r => types.Contains(r.Type);
        }

        if (TypeIs().Match(condition) is { Success: true } typeIs)
        {
            var type = typeIs.Groups["value"].Value;
            return r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase);
        }

        if (TagIs().Match(condition) is { Success: true } tagIs)
        {
            var (key, value) = (tagIs.Groups["key"].Value, tagIs.Groups["value"].Value);
            return r => r.Tags.TryGetValue(key, out var v) && string.Equals(v, value, StringComparison.OrdinalIgnoreCase);
        }

        if (TagEmpty().Match(condition) is { Success: true } tagEmpty)
        {
            var key = tagEmpty.Groups["key"].Value;
            var empty = tagEmpty.Groups["not"].Length == 0;
            return r => string.IsNullOrEmpty(r.Tags.GetValueOrDefault(key)) == empty;
        }

        return null;
    }

    [GeneratedRegex(@"^type\s+in~\s*\((?<list>[^)]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeIn();

    [GeneratedRegex(@"^type\s*=~\s*'(?<value>[^']*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeIs();

    [GeneratedRegex(@"^tags\['(?<key>[^']+)'\]\s*=~\s*'(?<value>[^']*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex TagIs();

    [GeneratedRegex(@"^is(?<not>not)?empty\(tags\['(?<key>[^']+)'\]\)$", RegexOptions.IgnoreCase)]
    private static partial Regex TagEmpty();
}
