using System.Text.Encodings.Web;
using System.Text.Json;
using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Gate;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary><c>evidence check --json FILE</c>: the verdict, its exit code, and every control with its failures (snake_case keys, stable order).</summary>
internal static class CheckJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, LoadedWorkspace loaded, GateResult result, ExitCode exit) =>
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, Options);
            Write(w, loaded, result, exit);
        }, overwrite: true);

    private static void Write(Utf8JsonWriter w, LoadedWorkspace loaded, GateResult result, ExitCode exit)
    {
        w.WriteStartObject();
        w.WriteString("system_id", loaded.Workspace?.System.Id);
        w.WriteString("as_of", Timestamps.Format(result.AsOf));
        w.WriteBoolean("passed", result.Passed && !result.Invalid);
        w.WriteNumber("exit_code", (int)exit);
        w.WriteString("exit_name", exit.ToString());
        Strings(w, "fail_on", result.FailOn.Order().Select(EnumNames.ToKebab));
        Strings(w, "failed_kinds", result.FailedKinds.Select(EnumNames.ToKebab));
        w.WriteStartObject("counts");
        foreach (var kind in Enum.GetValues<GateKind>())
        {
            w.WriteNumber(EnumNames.ToKebab(kind).Replace('-', '_'), result.Count(kind));
        }

        w.WriteEndObject();
        w.WriteStartArray("controls");
        foreach (var control in result.Controls)
        {
            w.WriteStartObject();
            w.WriteString("id", control.Id);
            w.WriteString("title", control.Evaluation.Control.Control.Title);
            w.WriteString("family", control.Evaluation.Control.Control.Family);
            w.WriteString("status", EnumNames.ToKebab(control.Evaluation.Status));
            w.WriteString("result", control.Skipped ? "skipped" : control.Failed ? "fail" : "pass");
            Location(w, control.Location);
            w.WriteStartArray("failures");
            foreach (var failure in control.Failures)
            {
                w.WriteStartObject();
                w.WriteString("kind", EnumNames.ToKebab(failure.Kind));
                w.WriteString("message", failure.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var diagnostic in result.Diagnostics)
        {
            w.WriteStartObject();
            Location(w, diagnostic.Location);
            w.WriteString("severity", EnumNames.ToKebab(diagnostic.Severity));
            w.WriteString("message", diagnostic.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Location(Utf8JsonWriter w, SourceLocation location)
    {
        w.WriteStartObject("location");
        w.WriteString("file", location.File);
        w.WriteNumber("line", location.Line);
        w.WriteNumber("column", location.Column);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
