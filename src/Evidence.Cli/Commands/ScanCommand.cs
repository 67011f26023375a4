using System.CommandLine;
using System.Text.Json;
using Evidence.Cli.Output;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Scanning;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence scan [workspace|path] [--json]</c>: finds personal data and secrets in a workspace's texts
/// and evidence, or in any file or folder, and prints each hit masked. Exit 40 on any hit.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("path") { Description = "A workspace (its YAML, documents, attestations and evidence runs), or any file or folder. Default: the current folder.", DefaultValueFactory = _ => "." };
        var json = CommonOptions.Json();
        var command = new Command("scan", "Find personal data (PHI) and secrets: each hit as file:line:col: kind (masked), never the value. Exit 40 on any hit.")
        {
            target, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(target)!;
            var (scanner, files) = Targets(path, context, out var exit);
            if (files is null)
            {
                return (int)exit;
            }

            var results = new List<FileHits>();
            var scanned = 0;
            foreach (var (full, display) in files)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                if (WorkspaceTexts.ReadText(full) is not { } text)
                {
                    continue;
                }

                scanned++;
                var hits = ScanText(scanner, text, display);
                if (hits.Count > 0)
                {
                    results.Add(new FileHits(display, hits));
                }
            }

            var total = results.Sum(r => r.Hits.Count);
            if (parse.GetValue(json))
            {
                WriteJson(context.Out, scanned, results);
            }
            else
            {
                ScanReport.Print(context.Out, results);
                if (total == 0)
                {
                    context.Out.WriteLine($"{path}: no personal data or secrets found in {Words.Plural(scanned, "file")}.");
                }
                else
                {
                    context.Error.WriteLine($"{path}: {Words.Plural(total, "hit")} in {Words.Plural(results.Count, "file")} of {scanned} scanned; remove them, or allow a value in settings.scan.allow with its reason (docs/scanning.md).");
                }
            }

            return (int)(total == 0 ? ExitCode.Success : ExitCode.SensitiveDataFound);
        });
        return command;
    }

    private static (Scanner Scanner, List<(string Full, string Display)>? Files) Targets(string path, CliContext context, out ExitCode exit)
    {
        exit = ExitCode.Success;
        if (File.Exists(Path.Combine(path, "evidence.yaml")))
        {
            // Only evidence.yaml (where settings.scan lives) must be valid: a workspace with other errors is worth scanning too.
            var loaded = WorkspaceLoader.Load(path, verifyHashes: false);
            var settingsFile = loaded.Display("evidence.yaml");
            var errors = loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && (loaded.Workspace is null || d.Location.File == settingsFile)).ToList();
            if (errors.Count > 0)
            {
                WorkspaceSession.Print(errors, context.Error);
                exit = ExitCode.WorkspaceInvalid;
                return (Scanner.Default, null);
            }

            return (loaded.Workspace!.Settings.Scanner(loaded.Workspace.People), WorkspaceTexts.Files(loaded.Root).Select(f => (Path.Combine(loaded.Root, f), loaded.Display(f))).ToList());
        }

        if (File.Exists(path))
        {
            return (Scanner.Default, [(path, path.Replace('\\', '/'))]);
        }

        return Directory.Exists(path)
            ? (Scanner.Default, WorkspaceTexts.AllFiles(path).Select(f => (f, f.Replace('\\', '/'))).ToList())
            : throw UserException.Usage($"'{path}' is neither a file nor a folder");
    }

    private static IReadOnlyList<ScanHit> ScanText(Scanner scanner, string text, string display)
    {
        try
        {
            return scanner.Scan(text);
        }
        catch (ScanPatternTimeoutException e)
        {
            throw UserException.Workspace($"{display}: {e.Message}");
        }
    }

    private static void WriteJson(TextWriter output, int scanned, IReadOnlyList<FileHits> results)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("files_scanned", scanned);
            w.WriteNumber("hits_total", results.Sum(r => r.Hits.Count));
            w.WriteStartArray("hits");
            foreach (var file in results)
            {
                foreach (var hit in file.Hits)
                {
                    w.WriteStartObject();
                    w.WriteString("file", file.File);
                    w.WriteNumber("line", hit.Line);
                    w.WriteNumber("column", hit.Column);
                    w.WriteString("kind", hit.Kind);
                    w.WriteString("preview", hit.Preview);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
