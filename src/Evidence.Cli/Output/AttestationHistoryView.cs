using Evidence.Core.Attestations;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>A control's attestations on file, newest period first, each period's correction chain newest first.</summary>
internal static class AttestationHistoryView
{
    public static IReadOnlyList<string> Lines(string controlId, IReadOnlyList<Attestation> attestations)
    {
        var mine = attestations.Where(a => a.Control.Value == controlId).ToList();
        var lines = new List<string>();
        foreach (var head in AttestationChain.InForce(mine, DateTimeOffset.MaxValue).OrderByDescending(a => a.Period).ThenByDescending(a => a.AttestedAt))
        {
            var chain = AttestationChain.History(head, mine);
            lines.Add($"{head.Period}: {Describe(head)}");
            lines.AddRange(chain.Skip(1).Select(earlier => $"  supersedes {Describe(earlier)}"));
        }

        return lines;
    }

    public static string Describe(Attestation attestation) =>
        $"{Words.Of(attestation.Result)}, by {attestation.AttestedBy.Value} on {Timestamps.FormatDate(attestation.AttestedAt)} ({attestation.RecordPath})";
}
