using Evidence.Core.Diagnostics;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Core.Validation;

/// <summary>
/// Every <c>findings.yaml</c> entry names findings that exist in the run history, and people who exist:
/// an owner is a person or a role, and whoever approves a risk acceptance or declares a false positive
/// is a named person.
/// </summary>
internal sealed class FindingsFileValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        if (loaded.FindingRecords.Count == 0)
        {
            return [];
        }

        var workspace = loaded.Workspace!;
        var people = workspace.People.Select(p => p.Id).ToList();
        var owners = people.Concat(workspace.Roles.Select(r => r.Role)).ToList();
        var problems = new List<Diagnostic>();
        foreach (var record in loaded.FindingRecords)
        {
            Check(record.Owner, owners, "owner", "a person or role id from evidence.yaml", problems);
            Check(record.Remediation?.Owner, owners, "remediation owner", "a person or role id from evidence.yaml", problems);
            Check(record.Acceptance?.ApprovedBy, people, "approver", "a person from evidence.yaml's people: a risk acceptance needs a named approver", problems);
            Check(record.FalsePositive?.By, people, "person", "a person from evidence.yaml's people", problems);
        }

        problems.AddRange(Duplicates(loaded.FindingRecords));
        problems.AddRange(Unmatched(loaded));
        return problems;
    }

    private static void Check(Scalar? reference, List<string> known, string what, string expected, List<Diagnostic> problems)
    {
        if (reference is { } r && !known.Contains(r.Value))
        {
            problems.Add(Problems.Error(r.Location, $"unknown {what} '{r.Value}'{Suggestions.DidYouMean(r.Value, known)}; use {expected}"));
        }
    }

    private static IEnumerable<Diagnostic> Duplicates(IEnumerable<FindingRecord> records) =>
        Problems.Duplicates(records, r => r.Key.Value, r => r.Key.Location, (r, first) => $"finding key '{r.Key.Value}' is already given at line {first.Line}; keep one entry per key");

    /// <summary>
    /// A key or pattern that matches no finding ever seen is a typo or a leftover, reported as a warning: a
    /// plan may be written before the collection that will see its finding, and it must not stop that collection.
    /// </summary>
    private static IEnumerable<Diagnostic> Unmatched(LoadedWorkspace loaded)
    {
        IReadOnlyList<string> keys;
        try
        {
            keys = FindingsRegister.Build(loaded, DateTimeOffset.MaxValue).Select(f => f.Key).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentOutOfRangeException)
        {
            // A damaged results file is reported by the manifest validator; the keys cannot be checked until it is fixed.
            yield break;
        }

        var exact = keys.ToHashSet(StringComparer.Ordinal);
        foreach (var record in loaded.FindingRecords)
        {
            var value = record.Key.Value;
            if (record.IsPattern ? keys.Any(k => FindingKey.Matches(value, k)) : exact.Contains(value))
            {
                continue;
            }

            // Suggest only among keys of the same query and source: comparing with every key of a large register costs too much.
            var prefix = value[..(value.LastIndexOf('|') + 1)];
            var near = record.IsPattern ? string.Empty : Suggestions.DidYouMean(value, keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Take(1000));
            yield return Problems.Warning(record.Key.Location,
                $"finding {(record.IsPattern ? "pattern" : "key")} '{value}' matches no finding in the evidence runs{near}; 'evidence findings' lists every key");
        }
    }
}
