using Evidence.Core.Changes;
using Evidence.Core.Findings;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary><c>evidence diff</c> as text: one section per kind of change, each a small table or list; empty sections say so.</summary>
internal static class DiffView
{
    public static void Write(CliContext context, ChangeSet changes)
    {
        var output = context.Out;
        output.WriteLine($"Changes from {changes.From.Label} ({Timestamps.Format(changes.From.AsOf)}) to {changes.To.Label} ({Timestamps.Format(changes.To.AsOf)})");
        Findings(context, "Findings opened", changes.Opened, f => $"first seen {Timestamps.FormatDate(f.FirstSeen)}");
        Findings(context, "Findings resolved", changes.Resolved, f => $"resolved {Timestamps.FormatDate(f.ResolvedAt!.Value)}");
        Findings(context, "Findings reopened", changes.Reopened, f => $"reopened {Timestamps.FormatDate(f.ReopenedAt!.Value)}");
        Heading(output, "Controls whose status changed", changes.StatusChanges.Count);
        foreach (var change in changes.StatusChanges)
        {
            output.WriteLine($"  {change.Id} {change.After.Control.Control.Title}: {Words.Of(change.Before.Status)} -> {Words.Of(change.After.Status)}");
            foreach (var why in change.Why)
            {
                output.WriteLine($"    - {why}");
            }
        }

        Evidence(output, "Evidence that went stale", changes.WentStale);
        Heading(output, "Attestations", changes.Attestations.Count);
        foreach (var change in changes.Attestations)
        {
            output.WriteLine($"  {Words.Of(change.Kind)}: {change.Control}: {change.Message}");
        }

        Evidence(output, "Queries that newly fail to collect", changes.NewlyNotCollected);
        if (changes.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("Nothing changed.");
        }
    }

    private static void Heading(TextWriter output, string title, int count)
    {
        output.WriteLine();
        output.WriteLine(count == 0 ? $"{title}: none" : $"{title} ({count}):");
    }

    private static void Findings(CliContext context, string title, IReadOnlyList<Finding> findings, Func<Finding, string> when)
    {
        Heading(context.Out, title, findings.Count);
        if (findings.Count == 0)
        {
            return;
        }

        var table = new TextTable("Finding", "State", "Resource", "Rule or query", "Source", "Controls", "When");
        foreach (var f in findings)
        {
            table.Add(f.Id, Words.Of(f.State), Words.Truncate(f.ResourceName, 40), Words.Truncate(f.RuleName, 48), f.Source.ToString(), string.Join(", ", f.Citations), when(f));
        }

        table.Write(context);
    }

    private static void Evidence(TextWriter output, string title, IReadOnlyList<EvidenceChange> changes)
    {
        Heading(output, title, changes.Count);
        foreach (var change in changes)
        {
            output.WriteLine($"  {change.Message} [{string.Join(", ", change.Controls)}]");
        }
    }
}
