using System.Text.Encodings.Web;
using System.Text.Json;
using Evidence.Core.Yaml;

namespace Evidence.Core.Store;

/// <summary>Writes a run's manifest.json with a fixed key order, so equal runs give equal bytes.</summary>
internal static class ManifestWriter
{
    public const string Format = "evidence-run/1";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The manifest of <paramref name="run"/> with its items (any order in; sorted by id out).</summary>
    public static void Write(Stream stream, EvidenceRun run) =>
        Write(stream, run, w =>
        {
            foreach (var item in run.Items.OrderBy(i => i.Id, StringComparer.Ordinal))
            {
                WriteItem(w, item);
            }
        });

    /// <summary>The manifest of <paramref name="run"/> (its items ignored) with the items <paramref name="writeItems"/> writes into the array.</summary>
    public static void Write(Stream stream, EvidenceRun run, Action<Utf8JsonWriter> writeItems)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("run_id", run.RunId);
        w.WriteString("started_at", Timestamps.Format(run.StartedAt));
        if (run.CompletedAt is { } completed)
        {
            w.WriteString("completed_at", Timestamps.Format(completed));
        }

        w.WriteString("state", EnumNames.ToKebab(run.State));
        if (run.Tool is not null)
        {
            w.WriteString("tool", run.Tool);
        }

        if (run.SystemId is not null)
        {
            w.WriteString("system_id", run.SystemId);
        }

        w.WriteStartArray("items");
        writeItems(w);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>A writer for one item a line (the run's journal): the manifest's escaping, no indentation.</summary>
    public static Utf8JsonWriter LineWriter(System.Buffers.IBufferWriter<byte> output) =>
        new(output, new JsonWriterOptions { Indented = false, Encoder = Options.Encoder });

    public static void WriteItem(Utf8JsonWriter w, EvidenceItem item)
    {
        w.WriteStartObject();
        w.WriteString("id", item.Id);
        w.WriteString("query", item.QueryKey);
        w.WriteStartObject("source");
        w.WriteString("cloud", item.Source.Cloud);
        WriteOptional(w, "account", item.Source.Account);
        WriteOptional(w, "region", item.Source.Region);
        WriteOptional(w, "subscription", item.Source.Subscription);
        WriteOptional(w, "management_group", item.Source.ManagementGroup);
        w.WriteEndObject();
        w.WriteString("status", EnumNames.ToKebab(item.Status));
        if (item.Method != EvidenceMethod.Detail)
        {
            w.WriteString("method", EnumNames.ToKebab(item.Method));
        }

        w.WriteString("collected_at", Timestamps.Format(item.CollectedAt));
        if (item.EvaluatedAt is { } evaluated)
        {
            w.WriteString("evaluated_at", Timestamps.Format(evaluated));
        }

        if (item.Error is { } error)
        {
            w.WriteStartObject("error");
            w.WriteString("code", error.Code);
            w.WriteString("message", error.Message);
            w.WriteEndObject();
        }

        w.WriteStartArray("raw");
        foreach (var raw in item.Raw)
        {
            w.WriteStartObject();
            w.WriteString("path", raw.Path);
            w.WriteString("sha256", raw.Sha256);
            w.WriteNumber("bytes", raw.Bytes);
            if (raw.Sensitive is { } sensitive)
            {
                w.WriteStartObject("sensitive");
                w.WriteNumber("hits", sensitive.Hits);
                w.WriteStartArray("kinds");
                foreach (var kind in sensitive.Kinds)
                {
                    w.WriteStringValue(kind);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (item.Results is { } results)
        {
            w.WriteStartObject("results");
            w.WriteString("path", results.Path);
            w.WriteString("sha256", results.Sha256);
            w.WriteNumber("rows", item.Rows);
            w.WriteEndObject();
        }

        // A summary item with no non-compliant rows has no results file, but its counts are still its answer.
        if (item.Results is not null || item.Status == ItemStatus.Collected)
        {
            WriteCounts(w, item.Counts);
        }

        w.WriteEndObject();
    }

    /// <summary>Uncounted states (a summary's) are left out rather than written as 0, so no reader takes them for a count.</summary>
    private static void WriteCounts(Utf8JsonWriter w, ComplianceCounts counts)
    {
        w.WriteStartObject("counts");
        if (counts.Compliant is { } compliant)
        {
            w.WriteNumber("compliant", compliant);
        }

        w.WriteNumber("non_compliant", counts.NonCompliant);
        if (counts.Counted)
        {
            w.WriteNumber("not_applicable", counts.NotApplicable);
            w.WriteNumber("insufficient_data", counts.InsufficientData);
        }

        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
