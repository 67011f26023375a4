using System.Globalization;
using System.Text.Json;
using Evidence.Core.Diagnostics;
using Evidence.Core.Store;
using Evidence.Core.Yaml;

namespace Evidence.Core.Loading;

/// <summary>
/// Reads a run manifest as <see cref="EvidenceRunWriter"/> writes it, straight from its JSON, for loads that
/// read every run of a long history. It gives up (null) on anything the writer would not have written (an
/// unknown or repeated key, a wrong type, a missing field, a bad value), and the strict reader then reads the
/// file again and reports every problem with its line and column. Each item's raw pages, which only
/// verification and the binder read, are parsed on first use.
/// </summary>
internal static partial class FastManifestReader
{
    public static EvidenceRun? TryRead(string manifestPath, string directory, string shown, Dictionary<string, string> names)
    {
        var bytes = new ManifestBytes(File.ReadAllBytes(manifestPath), shown);
        try
        {
            var reader = new Utf8JsonReader(bytes.Bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            var raw = new RawPages(manifestPath, shown);
            var run = ReadRun(ref reader, bytes, directory, shown, names, raw);
            return run is not null && run.RunId == Path.GetFileName(directory) ? run : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static EvidenceRun? ReadRun(ref Utf8JsonReader r, ManifestBytes bytes, string directory, string shown, Dictionary<string, string> names, RawPages raw)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var location = bytes.Locate(r.TokenStartIndex);
        string? format = null, runId = null, tool = null, systemId = null;
        DateTimeOffset? started = null, completed = null;
        RunState? state = null;
        var items = new List<EvidenceItem>();
        var seen = new List<string>(10);
        while (NextProperty(ref r, seen) is { } key)
        {
            switch (key)
            {
                case "format": format = String(ref r); break;
                case "run_id": runId = String(ref r); break;
                case "started_at": started = Instant(ref r); break;
                case "completed_at": completed = Instant(ref r); break;
                case "state": state = Enum<RunState>(ref r); break;
                case "tool": tool = String(ref r); break;
                case "system_id": systemId = String(ref r); break;
                case "items":
                    Expect(ref r, JsonTokenType.StartArray);
                    while (Read(ref r) != JsonTokenType.EndArray)
                    {
                        items.Add(ReadItem(ref r, bytes, runId ?? throw new FormatException(), names, raw));
                    }

                    break;
                default: throw new FormatException();
            }
        }

        if (format != ManifestReader.Format || runId is null || started is null || state is null || r.Read())
        {
            return null;
        }

        return new EvidenceRun
        {
            RunId = runId, Directory = directory, ManifestPath = shown, StartedAt = started.Value, CompletedAt = completed,
            State = state.Value, Tool = tool, SystemId = systemId, Items = items, Location = location,
        };
    }

    private static EvidenceItem ReadItem(ref Utf8JsonReader r, ManifestBytes bytes, string runId, Dictionary<string, string> names, RawPages raw)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException();
        }

        var location = bytes.Locate(r.TokenStartIndex);
        string? id = null, query = null;
        EvidenceSource? source = null;
        ItemStatus? status = null;
        var method = EvidenceMethod.Detail;
        DateTimeOffset? collected = null, evaluated = null;
        ItemError? error = null;
        StoredFile? results = null;
        var rows = 0;
        ComplianceCounts? counts = null;
        IReadOnlyList<StoredFile> pages = [];
        var seen = new List<string>(10);
        while (NextProperty(ref r, seen) is { } key)
        {
            switch (key)
            {
                case "id": id = String(ref r); break;
                case "query": query = Intern(String(ref r), names); break;
                case "source": source = ReadSource(ref r, names); break;
                case "status": status = Enum<ItemStatus>(ref r); break;
                case "method": method = Enum<EvidenceMethod>(ref r); break;
                case "collected_at": collected = Instant(ref r); break;
                case "evaluated_at": evaluated = Instant(ref r); break;
                case "error":
                    var fields = Strings(ref r, ["code", "message"]);
                    error = new ItemError(fields["code"], fields["message"]);
                    break;
                case "raw":
                    Expect(ref r, JsonTokenType.StartArray);
                    pages = raw.Add(r.TokenStartIndex);
                    r.Skip();
                    break;
                case "results":
                    (results, rows) = ReadResults(ref r, bytes);
                    break;
                case "counts":
                    counts = ReadCounts(ref r);
                    break;
                default: throw new FormatException();
            }
        }

        if (id is null || query is null || source is null || status is null || collected is null ||
            (status == ItemStatus.Failed && error is null) ||
            (status == ItemStatus.Collected && ((method == EvidenceMethod.Detail && results is null) || counts is null)) ||
            (counts is { Counted: false } && method != EvidenceMethod.Summary))
        {
            throw new FormatException();
        }

        return new EvidenceItem
        {
            Id = id, RunId = runId, QueryKey = query, Source = source, Status = status.Value, CollectedAt = collected.Value,
            EvaluatedAt = evaluated, Error = error, Raw = pages, Results = results, Rows = rows, Counts = counts ?? ComplianceCounts.None,
            Method = method, Location = location,
        };
    }

    private static EvidenceSource ReadSource(ref Utf8JsonReader r, Dictionary<string, string> names)
    {
        var fields = Strings(ref r, ["cloud", "account", "region", "subscription", "management_group"], required: 1);
        string? Field(string name) => fields.TryGetValue(name, out var value) ? Intern(value, names) : null;
        var source = new EvidenceSource(fields["cloud"], Field("account"), Field("region"), Field("subscription"), Field("management_group"));
        return Clouds.CloudRegistry.Of(source)?.IsComplete(source) == true ? source : throw new FormatException();
    }

    private static (StoredFile File, int Rows) ReadResults(ref Utf8JsonReader r, ManifestBytes bytes)
    {
        Expect(ref r, JsonTokenType.StartObject);
        string? path = null, sha = null;
        SourceLocation? pathLocation = null;
        var rows = 0;
        var seen = new List<string>(10);
        while (NextProperty(ref r, seen) is { } key)
        {
            switch (key)
            {
                case "path":
                    Read(ref r);
                    pathLocation = bytes.Locate(r.TokenStartIndex);
                    path = Current(ref r);
                    break;
                case "sha256": sha = String(ref r); break;
                case "rows": rows = Number(ref r); break;
                default: throw new FormatException();
            }
        }

        return path is not null && sha is not null && RawPages.IsValid(path, sha)
            ? (new StoredFile(path, sha, 0, pathLocation!.Value), rows)
            : throw new FormatException();
    }
}
