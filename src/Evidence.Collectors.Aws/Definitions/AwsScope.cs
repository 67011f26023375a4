using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Validation;
using Evidence.Core.Workspaces;

namespace Evidence.Collectors.Aws.Definitions;

/// <summary>Where an AWS query looks: every account and region of the boundary, narrowed by its own lists.</summary>
internal static class AwsScope
{
    public static IEnumerable<EvidenceSource> Sources(Boundary boundary, IReadOnlyList<string> accounts, IReadOnlyList<string> regions) =>
        (boundary.Aws?.Accounts ?? [])
            .Where(a => accounts.Count == 0 || accounts.Contains(a.Id))
            .SelectMany(a => a.Regions.Where(r => regions.Count == 0 || regions.Contains(r)).Select(r => AwsCloud.Source(a.Id, r)));

    public static IEnumerable<Diagnostic> Check(Boundary boundary, IReadOnlyList<string> accounts, IReadOnlyList<string> regions, EvidenceQuery query)
    {
        if (boundary.Aws is not { } aws)
        {
            return [Problems.Error(query.Location, $"{query.Describe()} needs AWS in the boundary; add 'boundary.aws' to evidence.yaml")];
        }

        var known = aws.Accounts.Select(a => a.Id).ToList();
        var knownRegions = aws.Accounts.SelectMany(a => a.Regions).Distinct().ToList();
        return accounts.Where(a => !known.Contains(a))
            .Select(a => Problems.Error(query.Location, $"account {a} is not in the boundary{Suggestions.DidYouMean(a, known)}"))
            .Concat(regions.Where(r => !knownRegions.Contains(r))
                .Select(r => Problems.Error(query.Location, $"region {r} is not in any boundary account{Suggestions.DidYouMean(r, knownRegions)}")))
            .ToList();
    }
}
