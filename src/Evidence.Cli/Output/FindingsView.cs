using Evidence.Core.Findings;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>The findings register as a table, most urgent first, then a summary that counts root causes as well as findings.</summary>
internal static class FindingsView
{
    public static void Write(CliContext context, DateTimeOffset asOf, IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            context.Out.WriteLine($"No findings as of {Timestamps.Format(asOf)}.");
            return;
        }

        var table = new TextTable("Finding", "State", "Severity", "Resource", "Rule or query", "Source", "Controls", "Owner", "First seen", "Age", "Due", "Ticket");
        foreach (var f in findings)
        {
            table.Add(
                f.Id,
                Words.Of(f.State),
                Words.Of(f.Severity),
                Words.Truncate(f.ResourceName, 40),
                Words.Truncate(f.RuleName, 48),
                f.Source.ToString(),
                Controls(f),
                f.Owner,
                Timestamps.FormatDate(f.FirstSeen),
                $"{f.AgeDays}d",
                f.State == FindingState.Resolved ? $"resolved {Timestamps.FormatDate(f.ResolvedAt!.Value)}" : Timestamps.FormatDate(f.DueDate),
                f.Ticket ?? "-");
        }

        table.Write(context);
        context.Out.WriteLine();
        context.Out.WriteLine(Summary(findings, asOf));
        context.Out.WriteLine("Record a plan, a risk acceptance or a false positive in the workspace's findings.yaml by each finding's key ('--json' or '--csv' shows the keys).");
    }

    /// <summary>"12 findings on 7 resources as of T: 2 overdue, 6 open, ...": repeats of one root cause counted once.</summary>
    public static string Summary(IReadOnlyList<Finding> findings, DateTimeOffset asOf)
    {
        var counts = FindingCounts.Of(findings);
        var parts = counts.ByState.Where(x => x.Value > 0).Select(x => $"{x.Value} {Words.Of(x.Key)}");
        return $"{Words.Plural(counts.Total, "finding")} as of {Timestamps.Format(asOf)}: {string.Join(", ", parts)}. " +
               $"{Words.Plural(counts.Open, "open finding")} on {Words.Plural(counts.OpenRootCauses, "resource")}.";
    }

    private static string Controls(Finding finding) =>
        finding.Citations.Count == 1 ? finding.Citations[0] : $"{finding.Citations[0]} +{finding.Citations.Count - 1}";
}
