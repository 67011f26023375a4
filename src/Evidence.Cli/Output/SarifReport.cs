using System.Text.Encodings.Web;
using System.Text.Json;
using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Gate;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>
/// The gate as SARIF 2.1.0, for code-review tools: one result per failing control, located at the overlay
/// file and line that own the control (evidence.yaml when the workspace has no overlay for it), so a pull
/// request that touches that overlay is annotated; one result per validation diagnostic, at its place. Rules
/// are the kinds of failure.
/// </summary>
internal static class SarifReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<GateKind, string> Descriptions = new()
    {
        [GateKind.NonCompliant] = "Resources fail a rule or policy, a query finds nothing it must find, or the owner reports the control is not (fully) in place.",
        [GateKind.NotCollected] = "A query could not be collected, or was never collected: not satisfied.",
        [GateKind.Stale] = "Evidence or a document is older than its maximum age.",
        [GateKind.MissingDocument] = "A document the catalog expects for the control is not on record.",
        [GateKind.AttestationOverdue] = "The owner's attestation for the period now due is missing or overdue.",
        [GateKind.FindingOverdue] = "A finding affecting the control is still open past its target date.",
        [GateKind.AcceptanceExpired] = "A finding affecting the control has a risk acceptance that has expired.",
        [GateKind.Validation] = "The workspace has a validation error or warning.",
    };

    public static void Write(string path, GateResult result) =>
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, Options);
            Write(w, result);
        }, overwrite: true);

    private static void Write(Utf8JsonWriter w, GateResult result)
    {
        var kinds = Enum.GetValues<GateKind>();
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "evidence");
        w.WriteString("version", typeof(SarifReport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        w.WriteStartArray("rules");
        foreach (var kind in kinds)
        {
            w.WriteStartObject();
            w.WriteString("id", EnumNames.ToKebab(kind));
            w.WriteString("name", kind.ToString());
            w.WriteStartObject("shortDescription");
            w.WriteString("text", Descriptions[kind]);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", "error");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var control in result.Controls.Where(c => c.Failed))
        {
            var catalog = control.Evaluation.Control.Control;
            var first = control.Kinds.First();
            var text = $"{catalog.Id} {catalog.Title} ({catalog.Family}) is {Words.Of(control.Evaluation.Status)}:\n" +
                string.Join("\n", control.Failures.Select(f => $"- {EnumNames.ToKebab(f.Kind)}: {f.Message}"));
            WriteResult(w, first, Array.IndexOf(kinds, first), "error", text, control.Location, catalog.Id, control.Kinds);
        }

        foreach (var diagnostic in result.ValidationFailures)
        {
            var level = diagnostic.Severity == DiagnosticSeverity.Warning ? "warning" : "error";
            WriteResult(w, GateKind.Validation, Array.IndexOf(kinds, GateKind.Validation), level, diagnostic.Message, diagnostic.Location, null, [GateKind.Validation]);
        }

        w.WriteEndArray();
        w.WriteStartObject("properties");
        w.WriteString("asOf", Timestamps.Format(result.AsOf));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteResult(
        Utf8JsonWriter w, GateKind rule, int ruleIndex, string level, string text, SourceLocation location, string? citation, IEnumerable<GateKind> kinds)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", EnumNames.ToKebab(rule));
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", level);
        w.WriteStartObject("message");
        w.WriteString("text", text);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        WriteUri(w, location.File);
        w.WriteEndObject();
        if (location.Line > 0)
        {
            w.WriteStartObject("region");
            w.WriteNumber("startLine", location.Line);
            w.WriteNumber("startColumn", Math.Max(location.Column, 1));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        if (citation is not null)
        {
            // Keeps an alert the same alert from one run to the next, however its message changes.
            w.WriteStartObject("partialFingerprints");
            w.WriteString("controlCitation/v1", citation);
            w.WriteEndObject();
        }

        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        foreach (var kind in kinds)
        {
            w.WriteStringValue(EnumNames.ToKebab(kind));
        }

        w.WriteEndArray();
        if (citation is not null)
        {
            w.WriteString("citation", citation);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A path relative to where the command ran (the repository root, in CI) is relative to the source root; an absolute one is a file URI.</summary>
    private static void WriteUri(Utf8JsonWriter w, string file)
    {
        if (Path.IsPathRooted(file))
        {
            w.WriteString("uri", new Uri(Path.GetFullPath(file)).AbsoluteUri);
            return;
        }

        w.WriteString("uri", string.Join('/', file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString)));
        w.WriteString("uriBaseId", "%SRCROOT%");
    }
}
