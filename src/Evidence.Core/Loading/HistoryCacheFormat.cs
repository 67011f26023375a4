using System.Globalization;
using System.Text.Json;
using Evidence.Core.Findings;
using Evidence.Core.Store;

namespace Evidence.Core.Loading;

/// <summary>
/// The JSON of <c>.evidence/history.json</c>. A file this version cannot read in full (another version,
/// damage, hand edits) is ignored: the runs are read instead and the file written again.
/// </summary>
internal static class HistoryCacheFormat
{
    // 2: each sighting keeps the spans it failed over before its latest reopening.
    private const int Version = 2;

    public static HistoryCheckpoint? Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != Version)
            {
                return null;
            }

            var groups = new Dictionary<(string, string), IReadOnlyDictionary<string, FindingHistory.Sighting>>();
            foreach (var group in root.GetProperty("groups").EnumerateArray())
            {
                groups[(Required(group, "query"), Required(group, "source"))] = group.GetProperty("sightings").EnumerateArray()
                    .ToDictionary(s => Required(s, "key"), ReadSighting, StringComparer.Ordinal);
            }

            return new HistoryCheckpoint
            {
                Through = Instant(root, "through") ?? throw new FormatException("'through' is missing"),
                Runs = root.GetProperty("runs").EnumerateArray()
                    .Select(r => new RunStamp(Required(r, "folder"), r.GetProperty("size").GetInt64(), r.GetProperty("write_ticks").GetInt64(), Required(r, "sha256")))
                    .ToList(),
                Newest = root.GetProperty("newest").EnumerateArray().Select(n => n.GetString() ?? throw new FormatException("a run folder is missing")).ToList(),
                Groups = groups,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or IOException)
        {
            return null;
        }
    }

    public static void Write(string path, HistoryCheckpoint checkpoint)
    {
        using var stream = System.IO.File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteNumber("version", Version);
        w.WriteString("through", Format(checkpoint.Through));
        w.WriteStartArray("runs");
        foreach (var run in checkpoint.Runs)
        {
            w.WriteStartObject();
            w.WriteString("folder", run.Folder);
            w.WriteNumber("size", run.Size);
            w.WriteNumber("write_ticks", run.WriteTicks);
            w.WriteString("sha256", run.Sha256);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("newest");
        foreach (var folder in checkpoint.Newest)
        {
            w.WriteStringValue(folder);
        }

        w.WriteEndArray();
        w.WriteStartArray("groups");
        foreach (var ((query, source), sightings) in checkpoint.Groups)
        {
            w.WriteStartObject();
            w.WriteString("query", query);
            w.WriteString("source", source);
            w.WriteStartArray("sightings");
            foreach (var (key, sighting) in sightings)
            {
                WriteSighting(w, key, sighting);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSighting(Utf8JsonWriter w, string key, FindingHistory.Sighting s)
    {
        w.WriteStartObject();
        w.WriteString("key", key);
        w.WriteString("resource_type", s.Row.ResourceType);
        w.WriteString("resource_id", s.Row.ResourceId);
        w.WriteString("compliance", s.Row.Compliance);
        w.WriteString("account", s.Row.Account);
        w.WriteString("region", s.Row.Region);
        w.WriteString("subscription", s.Row.Subscription);
        w.WriteString("annotation", s.Row.Annotation);
        w.WriteString("evaluated_at", s.Row.EvaluatedAt is { } evaluated ? Format(evaluated) : null);
        w.WriteString("last_run", s.LastItem.RunId);
        w.WriteString("last_item", s.LastItem.Id);
        w.WriteString("first_seen", Format(s.FirstSeen));
        w.WriteString("last_seen", Format(s.LastSeen));
        w.WriteString("resolved_at", s.ResolvedAt is { } resolved ? Format(resolved) : null);
        w.WriteString("reopened_at", s.ReopenedAt is { } reopened ? Format(reopened) : null);
        w.WriteStartArray("earlier");
        foreach (var span in s.Earlier)
        {
            w.WriteStartObject();
            w.WriteString("from", Format(span.From));
            w.WriteString("to", span.To is { } to ? Format(to) : null);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static FindingHistory.Sighting ReadSighting(JsonElement s)
    {
        var row = new ResultRow(
            Required(s, "resource_type"), Required(s, "resource_id"), Required(s, "compliance"),
            Text(s, "account"), Text(s, "region"), Text(s, "subscription"), Text(s, "annotation"), Instant(s, "evaluated_at"));
        return new FindingHistory.Sighting(row, new ItemReference(Required(s, "last_run"), Required(s, "last_item")), Instant(s, "first_seen") ?? throw new FormatException("'first_seen' is missing"))
        {
            LastSeen = Instant(s, "last_seen") ?? throw new FormatException("'last_seen' is missing"),
            ResolvedAt = Instant(s, "resolved_at"),
            ReopenedAt = Instant(s, "reopened_at"),
            Earlier = s.GetProperty("earlier").EnumerateArray()
                .Select(e => new FailingSpan(Instant(e, "from") ?? throw new FormatException("'from' is missing"), Instant(e, "to") ?? throw new FormatException("'to' is missing")))
                .ToList(),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string Required(JsonElement element, string name) =>
        Text(element, name) ?? throw new FormatException($"'{name}' is missing");

    private static DateTimeOffset? Instant(JsonElement element, string name) =>
        Text(element, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;

    private static string Format(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
