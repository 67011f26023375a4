using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Evidence.Core.Diagnostics;
using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Core.Resolution;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>The <c>--json</c> forms of the read commands: snake_case keys, stable order.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteDiagnostics(TextWriter output, LoadedWorkspace loaded, bool valid) => Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("workspace", loaded.DisplayRoot);
        w.WriteBoolean("valid", valid);
        w.WriteStartArray("diagnostics");
        foreach (var d in loaded.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("file", d.Location.File);
            w.WriteNumber("line", d.Location.Line);
            w.WriteNumber("column", d.Location.Column);
            w.WriteString("severity", EnumNames.ToKebab(d.Severity));
            w.WriteString("category", EnumNames.ToKebab(d.Category));
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static void WriteStatus(TextWriter output, LoadedWorkspace loaded, WorkspaceEvaluation evaluation, IReadOnlyList<ControlEvaluation> controls) => Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("system_id", loaded.Workspace!.System.Id);
        w.WriteString("as_of", Timestamps.Format(evaluation.AsOf));
        w.WriteStartObject("summary");
        foreach (var status in Enum.GetValues<ControlStatus>())
        {
            w.WriteNumber(EnumNames.ToKebab(status).Replace('-', '_'), controls.Count(c => c.Status == status));
        }

        w.WriteEndObject();
        w.WriteStartArray("controls");
        foreach (var control in controls)
        {
            w.WriteStartObject();
            WriteControlHeader(w, control.Control);
            w.WriteString("status", EnumNames.ToKebab(control.Status));
            w.WriteNumber("non_compliant_resources", control.NonCompliantResources);
            if (control.OldestEvidence is { } oldest)
            {
                w.WriteString("oldest_evidence", Timestamps.Format(oldest));
            }

            if (control.LatestAttestation is { } attestation)
            {
                w.WriteString("latest_attestation", attestation.Period.ToString());
            }

            AttestationHistoryView.WriteJson(w, control.Id, loaded.Attestations);

            w.WriteStartArray("reasons");
            foreach (var reason in control.Reasons)
            {
                WriteReason(w, reason);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static void WriteControlHeader(Utf8JsonWriter w, ResolvedControl control)
    {
        w.WriteString("id", control.Id);
        w.WriteString("title", control.Control.Title);
        w.WriteString("family", control.Control.Family);
        w.WriteString("kind", EnumNames.ToKebab(control.Control.Kind));
        if (control.Control.Designation is { } designation)
        {
            w.WriteString("designation", EnumNames.ToKebab(designation));
        }

        w.WriteString("owner", control.OwnerRef);
        w.WriteStartArray("owners");
        foreach (var person in control.Owners)
        {
            w.WriteStringValue(person.Id);
        }

        w.WriteEndArray();
        if (control.Status is { } implementation)
        {
            w.WriteString("implementation", EnumNames.ToKebab(implementation));
        }
    }

    public static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            body(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteReason(Utf8JsonWriter w, Reason reason)
    {
        w.WriteStartObject();
        w.WriteString("kind", EnumNames.ToKebab(reason.Kind));
        w.WriteString("outcome", EnumNames.ToKebab(reason.Outcome));
        if (reason.Subject is { } subject)
        {
            w.WriteString("subject", subject);
        }

        if (reason.Source is { } source)
        {
            w.WriteString("source", source.ToString());
        }

        if (reason.Item is { } item)
        {
            w.WriteString("run", item.RunId);
            w.WriteString("item", item.Id);
            w.WriteNumber("non_compliant", item.Counts.NonCompliant);
        }

        if (reason.Since is { } since)
        {
            w.WriteString("since", Timestamps.Format(since));
        }

        w.WriteString("message", reason.Message);
        w.WriteEndObject();
    }
}
