using System.Text.Json;
using Evidence.Core.Store;
using Evidence.Web.Html;
using Evidence.Web.State;

namespace Evidence.Web.Pages;

/// <summary>
/// <c>/evidence/{run}/{item}</c>: one answer as the manifest records it, each raw file checked against its
/// recorded SHA-256 and shown pretty-printed with PHI and secrets masked.
/// </summary>
internal static class EvidencePage
{
    /// <summary>Past this a raw file is hashed in full but shown only in part: a page is for reading, not for download.</summary>
    public const int ShownBytes = 16 * 1024;

    public static string Href(string run, string item) => $"/evidence/{Uri.EscapeDataString(run)}/{Uri.EscapeDataString(item)}";

    /// <summary>The page, or null when the run or item does not exist.</summary>
    public static string? Render(WorkspaceSnapshot snapshot, string runId, string itemId, string? signedInAs)
    {
        var run = snapshot.Loaded.Runs.FirstOrDefault(r => r.RunId == runId);
        var item = run?.Items.FirstOrDefault(i => i.Id == itemId);
        if (run is null || item is null)
        {
            return null;
        }

        return Layout.Page($"Evidence {run.RunId}/{item.Id}", snapshot.SystemName, html =>
        {
            html.Open("dl")
                .Element("dt", "Query").Element("dd", item.QueryKey)
                .Element("dt", "Source").Element("dd", item.Source.ToString())
                .Element("dt", "Status").Element("dd", Labels.Words(item.Status))
                .Element("dt", "Collected").Element("dd", Labels.Instant(item.CollectedAt))
                .Element("dt", "Evaluated by the cloud").Element("dd", Labels.Instant(item.EvaluatedAt))
                .Element("dt", "Resources").Element("dd", $"{item.Counts.NonCompliant} non-compliant, {(item.Counts.Compliant is { } compliant ? $"{compliant}" : "not counted (a summary)")} compliant, {item.Rows} rows")
                .Element("dt", "Error").Element("dd", item.Error is null ? "none" : Masking.Mask(item.Error.Message))
                .Close();
            var files = item.Raw.Concat(item.Results is null ? [] : [item.Results]).ToList();
            foreach (var file in files)
            {
                RawFile(html, snapshot, run, file);
            }
        }, signedInAs);
    }

    private static void RawFile(HtmlWriter html, WorkspaceSnapshot snapshot, EvidenceRun run, StoredFile file)
    {
        html.Element("h2", file.Path);
        var path = Path.GetFullPath(Path.Combine(run.Directory, file.Path));
        if (!path.StartsWith(Path.GetFullPath(run.Directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            html.Element("p", $"Missing: the manifest lists {file.Path} (SHA-256 {file.Sha256}) but the run folder does not hold it.", ("class", "error tampered"));
            return;
        }

        // Hashed once per snapshot: the watcher makes a new snapshot when any file of the workspace changes.
        var actual = snapshot.FileHashes.GetOrAdd(path, EvidenceVerifier.Sha256Of);
        var intact = string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase);
        html.Element("p", intact
                ? $"Intact: SHA-256 {actual} matches the manifest."
                : $"Tampered: the file's SHA-256 is {actual}, the manifest recorded {file.Sha256}. It was changed after collection.",
            ("class", intact ? "notice intact" : "error tampered"));
        html.Element("pre", Masking.Mask(Pretty(path)));
    }

    /// <summary>Past this a JSON file is not indented before it is cut, only its first part shown as written.</summary>
    private const int IndentedUpTo = 1024 * 1024;

    /// <summary>
    /// JSON indented, then cut to <see cref="ShownBytes"/> (a cloud's page is one long line, unreadable cut first);
    /// JSON lines and anything else as written, only as much read as is shown.
    /// </summary>
    private static string Pretty(string path)
    {
        var length = new FileInfo(path).Length;
        string text;
        if (length <= IndentedUpTo && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            text = File.ReadAllText(path);
            try
            {
                using var document = JsonDocument.Parse(text);
                text = JsonSerializer.Serialize(document.RootElement, Indented);
            }
            catch (JsonException)
            {
                // Not JSON after all: shown as written.
            }
        }
        else
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[(int)Math.Min(length, ShownBytes + 1)];
            stream.ReadExactly(buffer);
            text = System.Text.Encoding.UTF8.GetString(buffer);
        }

        return text.Length <= ShownBytes ? text
            : text[..ShownBytes] + $"\n… shown up to {ShownBytes / 1024} KiB of {length / 1024} KiB as stored; 'evidence verify' checks the whole file.";
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
