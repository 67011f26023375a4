using System.Globalization;
using Evidence.Core.Diagnostics;
using Evidence.Core.Store;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>
/// Reads a run's <c>manifest.json</c>. JSON is read through the YAML parser (JSON is YAML), so the
/// same strict reader reports unknown keys and wrong types with line and column.
/// </summary>
internal static class ManifestReader
{
    public const string Format = Store.ManifestWriter.Format;
    private static readonly string[] RunKeys = ["format", "run_id", "started_at", "completed_at", "state", "tool", "system_id", "items"];
    private static readonly string[] ItemKeys =
        ["id", "query", "source", "status", "method", "collected_at", "evaluated_at", "error", "raw", "results", "counts"];
    private static readonly string[] SourceKeys = ["cloud", "account", "region", "subscription", "management_group"];
    private static readonly string[] FileKeys = ["path", "sha256", "bytes", "sensitive"];
    private static readonly string[] UncountedKeys = ["not_applicable", "insufficient_data"];
    private static readonly string[] SensitiveKeys = ["hits", "kinds"];
    private static readonly string[] ResultKeys = ["path", "sha256", "rows"];
    private static readonly string[] ErrorKeys = ["code", "message"];
    private static readonly string[] CountKeys = ["compliant", "non_compliant", "not_applicable", "insufficient_data"];

    public static EvidenceRun? Read(YamlNode root, string directory, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "a run manifest", RunKeys, diagnostics);
        if (map is null)
        {
            return null;
        }

        var format = map.Text("format", required: true);
        if (format is { Value: not Format } f)
        {
            diagnostics.Error(f.Location, $"manifest format '{f.Value}' is not one this Evidence reads ('{Format}')");
        }

        var runId = map.String("run_id", required: true);
        var started = map.Timestamp("started_at", required: true);
        var completed = map.Timestamp("completed_at");
        var state = map.Enum<RunState>("state", required: true);
        var tool = map.String("tool");
        var systemId = map.String("system_id");
        var items = map.Maps("items", "an evidence item", ItemKeys).Select(i => ReadItem(i, runId ?? string.Empty)).OfType<EvidenceItem>().ToList();
        if (runId is not null && runId != Path.GetFileName(directory))
        {
            diagnostics.Error(map.At("run_id"), $"run_id '{runId}' does not match the run folder '{Path.GetFileName(directory)}'");
        }

        return runId is null || started is null || state is null ? null : new EvidenceRun
        {
            RunId = runId, Directory = directory, ManifestPath = file, StartedAt = started.Value, CompletedAt = completed,
            State = state.Value, Tool = tool, SystemId = systemId, Items = items, Location = map.Location,
        };
    }

    private static EvidenceItem? ReadItem(YamlMap map, string runId)
    {
        var id = map.String("id", required: true);
        var query = map.String("query", required: true);
        var source = ReadSource(map.Map("source", "an evidence source", SourceKeys, required: true));
        var status = map.Enum<ItemStatus>("status", required: true);
        var method = map.Enum<EvidenceMethod>("method") ?? EvidenceMethod.Detail;
        var collected = map.Timestamp("collected_at", required: true);
        var evaluated = map.Timestamp("evaluated_at");
        var errorMap = map.Map("error", "an item error", ErrorKeys);
        var error = errorMap is null ? null : new ItemError(errorMap.String("code", required: true) ?? string.Empty, errorMap.String("message", required: true) ?? string.Empty);
        var raw = map.Maps("raw", "a raw file", FileKeys).Select(f => ReadFile(f, Number(f, "bytes")) is { } file ? file with { Sensitive = ReadSensitive(f) } : null).OfType<StoredFile>().ToList();
        var resultsMap = map.Map("results", "a results file", ResultKeys);
        var results = resultsMap is null ? null : ReadFile(resultsMap, bytes: null);
        var rows = resultsMap is null ? 0 : Number(resultsMap, "rows") ?? 0;
        var counts = ReadCounts(map.Map("counts", "compliance counts", CountKeys));
        if (status == ItemStatus.Failed && error is null)
        {
            map.Diagnostics.Error(map.Location, "a failed evidence item needs an 'error' with its code and message");
        }

        if (status == ItemStatus.Collected && method == EvidenceMethod.Detail && (results is null || counts is null))
        {
            map.Diagnostics.Error(map.Location, "a collected evidence item needs 'results' and 'counts'");
        }

        if (status == ItemStatus.Collected && method != EvidenceMethod.Detail && counts is null)
        {
            map.Diagnostics.Error(map.Location, $"a collected {EnumNames.ToKebab(method)} item needs 'counts'");
        }

        if (counts is { Counted: false } && method != EvidenceMethod.Summary)
        {
            map.Diagnostics.Error(map.At("counts"), "only a summary item ('method: summary') may leave out the compliant count");
        }

        return id is null || query is null || source is null || status is null || collected is null ? null : new EvidenceItem
        {
            Id = id, RunId = runId, QueryKey = query, Source = source, Status = status.Value, CollectedAt = collected.Value,
            EvaluatedAt = evaluated, Error = error, Raw = raw, Results = results, Rows = rows, Counts = counts ?? ComplianceCounts.None,
            Method = method, Location = map.Location,
        };
    }

    private static EvidenceSource? ReadSource(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var cloud = map.Text("cloud", required: true);
        var source = new EvidenceSource(cloud?.Value ?? string.Empty, map.String("account"), map.String("region"), map.String("subscription"), map.String("management_group"));
        var valid = Clouds.CloudRegistry.Find(cloud?.Value)?.IsComplete(source) ?? false;
        if (cloud is not null && !valid)
        {
            map.Diagnostics.Error(map.Location, $"a source is one of {string.Join(", ", Clouds.CloudRegistry.All.Select(c => c.SourceShape))}");
        }

        return valid ? source : null;
    }

    /// <summary>The personal data and secrets collection found in a raw page: a count and kinds.</summary>
    private static Scanning.SensitiveSummary? ReadSensitive(YamlMap file)
    {
        var map = file.Map("sensitive", "'sensitive'", SensitiveKeys);
        return map is null ? null : new Scanning.SensitiveSummary(Number(map, "hits") ?? 0, [.. map.Texts("kinds", required: true).Select(k => k.Value)]);
    }

    /// <summary>A raw page (which records its size) or a results file (which records its rows instead).</summary>
    private static StoredFile? ReadFile(YamlMap map, int? bytes)
    {
        var path = map.Text("path", required: true);
        var sha = map.Text("sha256", required: true);
        if (sha is { } s && (s.Value.Length != 64 || !s.Value.All(char.IsAsciiHexDigitLower)))
        {
            map.Diagnostics.Error(s.Location, "'sha256' must be 64 lower-case hexadecimal digits");
        }

        if (path is { } p && (Path.IsPathRooted(p.Value) || p.Value.Split('/').Contains("..")))
        {
            map.Diagnostics.Error(p.Location, $"'{p.Value}' must be a path inside the run folder");
            return null;
        }

        return path is null || sha is null ? null : new StoredFile(path.Value.Value, sha.Value.Value, bytes ?? 0, path.Value.Location);
    }

    /// <summary>Counts by state; a summary leaves out every state but non-compliant (not counted, not zero).</summary>
    private static ComplianceCounts? ReadCounts(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var counted = map.Text("compliant") is not null;
        // As the fast reader holds too: a summary's uncounted states are left out, never written, so none reads as a count.
        foreach (var key in UncountedKeys.Where(k => !counted && map.Text(k) is not null))
        {
            map.Diagnostics.Error(map.At(key), $"counts without 'compliant' (a summary's) give only 'non_compliant', not '{key}'");
        }

        return new ComplianceCounts(
            counted ? Number(map, "compliant", true) ?? 0 : null,
            Number(map, "non_compliant", true) ?? 0,
            counted ? Number(map, "not_applicable", true) ?? 0 : 0,
            counted ? Number(map, "insufficient_data", true) ?? 0 : 0);
    }

    private static int? Number(YamlMap map, string key, bool required = false)
    {
        var text = map.Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        map.Diagnostics.Error(text.Value.Location, $"'{key}' must be a whole number, not '{text.Value.Value}'");
        return null;
    }
}
