using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Evidence.Core.Files;

namespace Evidence.Core.Collection.Replay;

/// <summary>
/// A folder of recorded exchanges: <c>exchanges.jsonl</c> (one exchange per line, sorted by key) and
/// <c>bodies/</c> with each response body's exact bytes. A folder can hold several collections, each
/// recorded for its own as-of instant, so the same request can be answered as it was in October for a
/// replay as of October and as it was in November for a replay as of November.
/// </summary>
public sealed class RecordingStore
{
    /// <summary>Where a workspace keeps the recordings <c>evidence collect --offline</c> replays.</summary>
    public const string Folder = "recordings";

    public const string IndexFile = "exchanges.jsonl";
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly object _gate = new();
    private readonly Dictionary<(string Key, DateTimeOffset? For), HttpExchange> _byKey = [];
    private Dictionary<string, List<HttpExchange>>? _byRequest;
    private readonly DateTimeOffset? _recordingFor;

    private RecordingStore(string directory, DateTimeOffset? recordingFor = null)
    {
        Directory = directory;
        _recordingFor = recordingFor;
    }

    public string Directory { get; }

    public int Count => _byKey.Count;

    /// <summary>
    /// Reads a recordings folder; throws <see cref="InvalidDataException"/> naming the line of a malformed
    /// entry, or of a body that leads outside the folder (an absolute path, '..', a link).
    /// </summary>
    public static RecordingStore Open(string directory)
    {
        var store = new RecordingStore(directory);
        foreach (var (line, exchange, problem) in Read(directory))
        {
            if (problem is not null)
            {
                throw new InvalidDataException($"{Path.Combine(directory, IndexFile)}:{line}:1: {problem}");
            }

            store._byKey.TryAdd((exchange!.Key, exchange.RecordedFor), exchange);
        }

        return store;
    }

    /// <summary>What is wrong with a recordings folder's index, line by line: malformed entries and bodies that lead outside the folder.</summary>
    public static IReadOnlyList<(int Line, string Problem)> Problems(string directory) =>
        [.. Read(directory).Where(e => e.Problem is not null).Select(e => (e.Line, e.Problem!))];

    /// <summary>
    /// A store to record into, for a collection as of <paramref name="recordingFor"/>. Exchanges already in the
    /// folder are kept, except those recorded for the same instant, which this collection records again.
    /// </summary>
    public static RecordingStore Create(string directory, DateTimeOffset? recordingFor = null)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "bodies"));
        var store = new RecordingStore(directory, recordingFor);
        if (File.Exists(Path.Combine(directory, IndexFile)))
        {
            foreach (var exchange in Open(directory)._byKey.Values.Where(e => e.RecordedFor != recordingFor))
            {
                store._byKey[(exchange.Key, exchange.RecordedFor)] = exchange;
            }
        }

        return store;
    }

    /// <summary>The answer to <paramref name="key"/> for a collection as of <paramref name="asOf"/>: the latest recorded for that instant or before (or for any instant).</summary>
    public HttpExchange? Find(string key, DateTimeOffset? asOf = null)
    {
        lock (_gate)
        {
            // Indexed on first use (replay only reads), newest first, so a large replay stays linear.
            _byRequest ??= _byKey.Values
                .GroupBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.RecordedFor ?? DateTimeOffset.MinValue).ToList(), StringComparer.Ordinal);
            return _byRequest.TryGetValue(key, out var answers)
                ? answers.FirstOrDefault(e => e.RecordedFor is null || asOf is null || e.RecordedFor <= asOf)
                : null;
        }
    }

    /// <summary>The body's bytes, read from where its path leads now (checked again: a link may have changed since <see cref="Open"/>).</summary>
    public byte[] ReadBody(HttpExchange exchange) =>
        File.ReadAllBytes(ContainedPath.Within(Directory, exchange.BodyFile)
            ?? throw new InvalidDataException($"recorded body '{exchange.BodyFile}' escapes the recordings folder"));

    /// <summary>
    /// Records an exchange; the same key recorded twice keeps the first, unless the first was throttled (429) or a
    /// server error (5xx): then the later answer replaces it, so a retried request replays as its final answer.
    /// </summary>
    public void Add(string key, int status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue((key, _recordingFor), out var earlier) && !IsTransient(earlier.Status))
            {
                return;
            }

            var scope = _recordingFor is { } instant ? "-" + Yaml.Timestamps.Compact(instant) : string.Empty;
            var bodyFile = $"bodies/{ExchangeKey.Digest(key)}{scope}.body";
            AtomicFile.Write(Path.Combine(Directory, bodyFile), s => s.Write(body), overwrite: true);
            _byKey[(key, _recordingFor)] = new HttpExchange(key, status, headers, bodyFile, _recordingFor);
            _byRequest = null;
        }
    }

    private static bool IsTransient(int status) => status == 429 || status >= 500;

    /// <summary>Writes the index, sorted by key so that the same traffic gives the same file whatever order it ran in.</summary>
    public void Save()
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            foreach (var exchange in _byKey.Values.OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.RecordedFor ?? DateTimeOffset.MinValue))
            {
                text.Append(Serialize(exchange)).Append('\n');
            }

            AtomicFile.WriteAllText(Path.Combine(Directory, IndexFile), text.ToString(), overwrite: true);
        }
    }

    private static string Serialize(HttpExchange exchange)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("key", exchange.Key);
            w.WriteNumber("status", exchange.Status);
            w.WriteStartArray("headers");
            foreach (var (name, value) in exchange.Headers)
            {
                w.WriteStartArray();
                w.WriteStringValue(name);
                w.WriteStringValue(value);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteString("body", exchange.BodyFile);
            if (exchange.RecordedFor is { } recordedFor)
            {
                w.WriteString("recorded_for", Yaml.Timestamps.Format(recordedFor));
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Each entry of the index with its line: the exchange, or why it cannot be replayed.</summary>
    private static IEnumerable<(int Line, HttpExchange? Exchange, string? Problem)> Read(string directory)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(directory, IndexFile)))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var (exchange, problem) = Parse(line);
            if (exchange is not null && ContainedPath.Within(directory, exchange.BodyFile) is null)
            {
                // A replayed body becomes raw evidence in the run (and the binder): it must be a recording, not any file.
                var target = ContainedPath.Resolve(Path.Combine(directory, exchange.BodyFile)) ?? "a loop of links";
                problem = $"body '{exchange.BodyFile}' escapes the recordings folder (it leads to {target}); a recorded body is a file under bodies/, never a link";
                exchange = null;
            }

            yield return (lineNumber, exchange, problem);
        }
    }

    private static (HttpExchange? Exchange, string? Problem) Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var headers = root.GetProperty("headers").EnumerateArray()
                .Select(h => new KeyValuePair<string, string>(h[0].GetString()!, h[1].GetString()!))
                .ToList();
            DateTimeOffset? recordedFor = null;
            if (root.TryGetProperty("recorded_for", out var instant))
            {
                recordedFor = Yaml.Timestamps.TryParseUtc(instant.GetString() ?? string.Empty, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"recorded_for '{instant.GetString()}' is not a UTC timestamp such as 2026-11-20T06:00:00Z");
            }

            return (new HttpExchange(root.GetProperty("key").GetString()!, root.GetProperty("status").GetInt32(), headers, root.GetProperty("body").GetString()!, recordedFor), null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return (null, $"not a recorded exchange ({e.Message})");
        }
    }
}
