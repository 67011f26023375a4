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
internal static class FastManifestReader
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
                    var numbers = Numbers(ref r, ["compliant", "non_compliant", "not_applicable", "insufficient_data"]);
                    counts = new ComplianceCounts(numbers[0], numbers[1], numbers[2], numbers[3]);
                    break;
                default: throw new FormatException();
            }
        }

        if (id is null || query is null || source is null || status is null || collected is null ||
            (status == ItemStatus.Failed && error is null) || (status == ItemStatus.Collected && (results is null || counts is null)))
        {
            throw new FormatException();
        }

        return new EvidenceItem
        {
            Id = id, RunId = runId, QueryKey = query, Source = source, Status = status.Value, CollectedAt = collected.Value,
            EvaluatedAt = evaluated, Error = error, Raw = pages, Results = results, Rows = rows, Counts = counts ?? ComplianceCounts.None,
            Location = location,
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

    /// <summary>An object of string fields, each named in <paramref name="keys"/>; the first <paramref name="required"/> must be present.</summary>
    private static Dictionary<string, string> Strings(ref Utf8JsonReader r, string[] keys, int? required = null)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new List<string>(10);
        while (NextProperty(ref r, seen) is { } key)
        {
            fields[Array.IndexOf(keys, key) >= 0 ? key : throw new FormatException()] = String(ref r);
        }

        return keys.Take(required ?? keys.Length).All(fields.ContainsKey) ? fields : throw new FormatException();
    }

    private static int[] Numbers(ref Utf8JsonReader r, string[] keys)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var values = new int?[keys.Length];
        var seen = new List<string>(10);
        while (NextProperty(ref r, seen) is { } key)
        {
            var index = Array.IndexOf(keys, key);
            values[index >= 0 ? index : throw new FormatException()] = Number(ref r);
        }

        return values.All(v => v is not null) ? values.Select(v => v!.Value).ToArray() : throw new FormatException();
    }

    /// <summary>The next property name of the current object (each once), or null at its end.</summary>
    private static string? NextProperty(ref Utf8JsonReader r, List<string> seen)
    {
        var token = Read(ref r);
        if (token == JsonTokenType.EndObject)
        {
            return null;
        }

        var name = token == JsonTokenType.PropertyName ? r.GetString()! : throw new FormatException();
        if (seen.Contains(name))
        {
            throw new FormatException();
        }

        seen.Add(name);
        return name;
    }

    private static JsonTokenType Read(ref Utf8JsonReader r) => r.Read() ? r.TokenType : throw new FormatException();

    private static void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        if (Read(ref r) != type)
        {
            throw new FormatException();
        }
    }

    private static string String(ref Utf8JsonReader r)
    {
        Read(ref r);
        return Current(ref r);
    }

    private static string Current(ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.String ? r.GetString()! : throw new FormatException();

    private static int Number(ref Utf8JsonReader r)
    {
        Read(ref r);
        return r.TokenType == JsonTokenType.Number &&
               int.TryParse(ManifestBytes.Text(r.ValueSpan), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException();
    }

    /// <summary>
    /// The writer's form, <c>2026-11-20T06:00:05Z</c>, read digit by digit: a long history holds hundreds of
    /// thousands of them, and the general parser costs microseconds each. Any other form goes to it.
    /// </summary>
    private static DateTimeOffset Instant(ref Utf8JsonReader r)
    {
        Read(ref r);
        if (r.TokenType != JsonTokenType.String)
        {
            throw new FormatException();
        }

        var s = r.ValueSpan;
        if (!r.ValueIsEscaped && s.Length == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == 'Z')
        {
            var year = Digits(s, 0, 4);
            var month = Digits(s, 5, 2);
            var day = Digits(s, 8, 2);
            var hour = Digits(s, 11, 2);
            var minute = Digits(s, 14, 2);
            var second = Digits(s, 17, 2);
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60)
            {
                return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
            }

            throw new FormatException();
        }

        return Timestamps.TryParseUtc(Current(ref r), out var instant) ? instant : throw new FormatException();
    }

    private static int Digits(ReadOnlySpan<byte> s, int start, int count)
    {
        var value = 0;
        foreach (var b in s.Slice(start, count))
        {
            value = b is >= (byte)'0' and <= (byte)'9' ? (value * 10) + (b - '0') : throw new FormatException();
        }

        return value;
    }

    private static T Enum<T>(ref Utf8JsonReader r)
        where T : struct, System.Enum =>
        EnumValues<T>.ByName.TryGetValue(String(ref r), out var value) ? value : throw new FormatException();

    /// <summary>Query keys and sources repeat in every run: one string each, however long the history.</summary>
    private static string Intern(string value, Dictionary<string, string> names)
    {
        if (names.TryGetValue(value, out var known))
        {
            return known;
        }

        names[value] = value;
        return value;
    }

    /// <summary>Each member by its kebab-case name, spelled once per type rather than once per item.</summary>
    private static class EnumValues<T>
        where T : struct, System.Enum
    {
        public static readonly Dictionary<string, T> ByName = System.Enum.GetValues<T>().ToDictionary(v => EnumNames.ToKebab(v), StringComparer.Ordinal);
    }
}
