using System.Text.Json;
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

    /// <summary>
    /// The same as JSON: an <c>attestations</c> array of the records in force, newest period first, each with
    /// the records it corrects (<c>supersedes</c>, newest first) so a correction is never shown without its history.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter w, string controlId, IReadOnlyList<Attestation> attestations)
    {
        var mine = attestations.Where(a => a.Control.Value == controlId).ToList();
        w.WriteStartArray("attestations");
        foreach (var head in AttestationChain.InForce(mine, DateTimeOffset.MaxValue).OrderByDescending(a => a.Period).ThenByDescending(a => a.AttestedAt))
        {
            var chain = AttestationChain.History(head, mine);
            w.WriteStartObject();
            WriteRecord(w, head);
            w.WriteStartArray("supersedes");
            foreach (var earlier in chain.Skip(1))
            {
                w.WriteStartObject();
                WriteRecord(w, earlier);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteRecord(Utf8JsonWriter w, Attestation attestation)
    {
        w.WriteString("period", attestation.Period.ToString());
        w.WriteString("result", EnumNames.ToKebab(attestation.Result));
        w.WriteString("attested_by", attestation.AttestedBy.Value);
        w.WriteString("attested_at", Timestamps.Format(attestation.AttestedAt));
        w.WriteString("record", attestation.RecordPath);
        w.WriteString("comment", attestation.Comment);
    }

    public static string Describe(Attestation attestation) =>
        $"{Words.Of(attestation.Result)}, by {attestation.AttestedBy.Value} on {Timestamps.FormatDate(attestation.AttestedAt)} ({attestation.RecordPath})";
}
