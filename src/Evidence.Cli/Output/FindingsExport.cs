using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>The findings register as JSON (snake_case keys, stable order) and as CSV (RFC 4180) for spreadsheets and trackers.</summary>
internal static class FindingsExport
{
    private static readonly string[] CsvColumns =
    [
        "id", "key", "state", "severity", "resource_type", "resource_id", "query", "source", "citations", "owner",
        "first_seen", "last_seen", "resolved_at", "reopened_at", "age_days", "due", "ticket", "decision",
    ];

    public static void WriteJson(TextWriter output, LoadedWorkspace loaded, DateTimeOffset asOf, IReadOnlyList<Finding> findings)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("system_id", loaded.Workspace!.System.Id);
            w.WriteString("as_of", Timestamps.Format(asOf));
            var counts = FindingCounts.Of(findings);
            w.WriteStartObject("summary");
            foreach (var (state, count) in counts.ByState)
            {
                w.WriteNumber(EnumNames.ToKebab(state).Replace('-', '_'), count);
            }

            w.WriteNumber("open_root_causes", counts.OpenRootCauses);
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var f in findings)
            {
                WriteFinding(w, f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void WriteCsv(TextWriter output, IReadOnlyList<Finding> findings)
    {
        output.Write(string.Join(',', CsvColumns) + "\r\n");
        foreach (var f in findings)
        {
            string[] cells =
            [
                f.Id, f.Key, EnumNames.ToKebab(f.State), EnumNames.ToKebab(f.Severity), f.ResourceType, f.ResourceId, f.Query.Key,
                f.Source.ToString(), string.Join(' ', f.Citations), f.Owner, Timestamps.Format(f.FirstSeen), Timestamps.Format(f.LastSeen),
                f.ResolvedAt is { } r ? Timestamps.Format(r) : string.Empty, f.ReopenedAt is { } o ? Timestamps.Format(o) : string.Empty,
                f.AgeDays.ToString(CultureInfo.InvariantCulture), Date(f.DueDate), f.Ticket ?? string.Empty, Decision(f),
            ];
            output.Write(string.Join(',', cells.Select(Quote)) + "\r\n");
        }
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("key", f.Key);
        w.WriteString("state", EnumNames.ToKebab(f.State));
        w.WriteString("severity", EnumNames.ToKebab(f.Severity));
        w.WriteString("query", f.Query.Key);
        w.WriteString("source", f.Source.ToString());
        w.WriteString("resource_type", f.ResourceType);
        w.WriteString("resource_id", f.ResourceId);
        if (f.Annotation is { } annotation)
        {
            w.WriteString("annotation", annotation);
        }

        w.WriteStartArray("citations");
        foreach (var citation in f.Citations)
        {
            w.WriteStringValue(citation);
        }

        w.WriteEndArray();
        w.WriteString("owner", f.Owner);
        w.WriteString("first_seen", Timestamps.Format(f.FirstSeen));
        w.WriteString("last_seen", Timestamps.Format(f.LastSeen));
        Optional(w, "resolved_at", f.ResolvedAt);
        Optional(w, "reopened_at", f.ReopenedAt);
        w.WriteNumber("age_days", f.AgeDays);
        w.WriteString("due", Date(f.DueDate));
        w.WriteString("run", f.LastItem.RunId);
        w.WriteString("item", f.LastItem.Id);
        if (f.Record is { } record)
        {
            WriteDecision(w, record);
        }

        w.WriteEndObject();
    }

    private static void WriteDecision(Utf8JsonWriter w, FindingRecord record)
    {
        w.WriteStartObject("decision");
        w.WriteString("matched_by", record.Key.Value);
        if (record.Remediation is { } plan)
        {
            w.WriteString("kind", "remediation");
            w.WriteString("owner", plan.Owner?.Value);
            w.WriteString("ticket", plan.Ticket);
            w.WriteString("target_date", plan.TargetDate is { } t ? Date(t) : null);
            w.WriteStartArray("milestones");
            foreach (var m in plan.Milestones)
            {
                w.WriteStartObject();
                w.WriteString("description", m.Description);
                w.WriteString("due", Date(m.Due));
                w.WriteString("done", m.Done is { } d ? Date(d) : null);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else if (record.Acceptance is { } acceptance)
        {
            w.WriteString("kind", "acceptance");
            w.WriteString("approved_by", acceptance.ApprovedBy.Value);
            w.WriteString("approved_on", Date(acceptance.ApprovedOn));
            w.WriteString("expires", Date(acceptance.Expires));
            w.WriteString("rationale", acceptance.Rationale);
        }
        else if (record.FalsePositive is { } falsePositive)
        {
            w.WriteString("kind", "false-positive");
            w.WriteString("by", falsePositive.By.Value);
            w.WriteString("reason", falsePositive.Reason);
        }

        w.WriteEndObject();
    }

    private static string Decision(Finding f) => f.Record switch
    {
        { Remediation: { } plan } => $"remediation: {plan.Ticket ?? "no ticket"}, target {(plan.TargetDate is { } t ? Date(t) : "none")}",
        { Acceptance: { } a } => $"accepted by {a.ApprovedBy.Value} until {Date(a.Expires)}",
        { FalsePositive: { } p } => $"false positive ({p.By.Value}): {p.Reason}",
        _ => string.Empty,
    };

    private static void Optional(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Timestamps.Format(v));
        }
    }

    private static string Date(DateOnly date) => Timestamps.FormatDate(date);

    /// <summary>RFC 4180 quoting; a cell a spreadsheet would take for a formula (= + - @) is prefixed with ' so it stays text.</summary>
    private static string Quote(string cell)
    {
        var text = cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' ? "'" + cell : cell;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
