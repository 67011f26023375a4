using System.Text.Json;
using Evidence.Core.Changes;
using Evidence.Core.Findings;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary><c>evidence diff --json</c>: snake_case keys, stable order, every section present (empty when nothing changed).</summary>
internal static class DiffJson
{
    public static void Write(TextWriter output, ChangeSet changes) => JsonOutput.Write(output, w =>
    {
        w.WriteStartObject();
        Point(w, "from", changes.From);
        Point(w, "to", changes.To);
        w.WriteStartObject("findings");
        Findings(w, "opened", changes.Opened);
        Findings(w, "resolved", changes.Resolved);
        Findings(w, "reopened", changes.Reopened);
        w.WriteEndObject();
        w.WriteStartArray("status_changes");
        foreach (var change in changes.StatusChanges)
        {
            w.WriteStartObject();
            w.WriteString("id", change.Id);
            w.WriteString("title", change.After.Control.Control.Title);
            w.WriteString("from", EnumNames.ToKebab(change.Before.Status));
            w.WriteString("to", EnumNames.ToKebab(change.After.Status));
            w.WriteStartArray("why");
            foreach (var why in change.Why)
            {
                w.WriteStringValue(why);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Evidence(w, "went_stale", changes.WentStale);
        w.WriteStartArray("attestations");
        foreach (var change in changes.Attestations)
        {
            w.WriteStartObject();
            w.WriteString("change", EnumNames.ToKebab(change.Kind));
            w.WriteString("control", change.Control);
            if (change.Attestation is { } attestation)
            {
                w.WriteString("period", attestation.Period.ToString());
                w.WriteString("attested_by", attestation.AttestedBy.Value);
                w.WriteString("attested_at", Timestamps.Format(attestation.AttestedAt));
                w.WriteString("result", EnumNames.ToKebab(attestation.Result));
            }

            w.WriteString("message", change.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Evidence(w, "newly_not_collected", changes.NewlyNotCollected);
        w.WriteEndObject();
    });

    private static void Point(Utf8JsonWriter w, string name, DiffPoint point)
    {
        w.WriteStartObject(name);
        w.WriteString("label", point.Label);
        w.WriteString("as_of", Timestamps.Format(point.AsOf));
        w.WriteEndObject();
    }

    private static void Findings(Utf8JsonWriter w, string name, IReadOnlyList<Finding> findings)
    {
        w.WriteStartArray(name);
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("key", f.Key);
            w.WriteString("state", EnumNames.ToKebab(f.State));
            w.WriteString("resource", f.ResourceId);
            w.WriteString("rule", f.RuleName);
            w.WriteString("source", f.Source.ToString());
            w.WriteString("first_seen", Timestamps.Format(f.FirstSeen));
            if (f.ResolvedAt is { } resolved)
            {
                w.WriteString("resolved_at", Timestamps.Format(resolved));
            }

            if (f.ReopenedAt is { } reopened)
            {
                w.WriteString("reopened_at", Timestamps.Format(reopened));
            }

            w.WriteStartArray("controls");
            foreach (var citation in f.Citations)
            {
                w.WriteStringValue(citation);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Evidence(Utf8JsonWriter w, string name, IReadOnlyList<EvidenceChange> changes)
    {
        w.WriteStartArray(name);
        foreach (var change in changes)
        {
            w.WriteStartObject();
            w.WriteString("subject", change.Subject);
            if (change.Source is { } source)
            {
                w.WriteString("source", source.ToString());
            }

            if (change.Since is { } since)
            {
                w.WriteString("since", Timestamps.Format(since));
            }

            w.WriteString("message", change.Message);
            w.WriteStartArray("controls");
            foreach (var control in change.Controls)
            {
                w.WriteStringValue(control);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
