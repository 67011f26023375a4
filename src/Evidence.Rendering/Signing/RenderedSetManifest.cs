using System.Text.Json;

namespace Evidence.Rendering.Signing;

/// <summary>
/// <c>&lt;system-id&gt;-Manifest-&lt;UTC stamp&gt;.json</c>, written beside the documents of a signed build: every
/// rendered document (by file name, in the same folder) and every evidence file they rest on (by path in
/// the workspace), each with its SHA-256 and size. The detached signature beside it (<c>.p7s</c>) is over
/// these exact bytes.
/// </summary>
public sealed record RenderedSetManifest(
    string SystemId, string AsOf, string Tool, IReadOnlyList<RenderedSetManifest.Entry> Documents, IReadOnlyList<RenderedSetManifest.Entry> Evidence)
{
    public const string Format = "evidence-rendered-set/1";

    /// <summary>The manifest's file name for a build of <paramref name="systemId"/> stamped <paramref name="stamp"/>.</summary>
    public static string FileName(string systemId, string stamp) => $"{systemId}-Manifest-{stamp}.json";

    /// <summary>UTF-8 JSON, entries in path order, so the same build gives the same bytes.</summary>
    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("system_id", SystemId);
            w.WriteString("as_of", AsOf);
            w.WriteString("tool", Tool);
            Write(w, "documents", Documents);
            Write(w, "evidence", Evidence);
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Reads a manifest; null with <paramref name="problem"/> set when it is not one.</summary>
    public static RenderedSetManifest? Parse(byte[] json, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format)
            {
                problem = $"not a manifest this Evidence reads (format is not '{Format}')";
                return null;
            }

            problem = null;
            return new RenderedSetManifest(
                root.GetProperty("system_id").GetString()!, root.GetProperty("as_of").GetString()!, root.GetProperty("tool").GetString()!,
                Entries(root.GetProperty("documents")), Entries(root.GetProperty("evidence")));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problem = $"not a valid manifest ({e.Message})";
            return null;
        }
    }

    private static List<Entry> Entries(JsonElement list) =>
        [.. list.EnumerateArray().Select(e => new Entry(e.GetProperty("path").GetString()!, e.GetProperty("sha256").GetString()!, e.GetProperty("bytes").GetInt64()))];

    private static void Write(Utf8JsonWriter w, string name, IEnumerable<Entry> entries)
    {
        w.WriteStartArray(name);
        foreach (var entry in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("path", entry.Path);
            w.WriteString("sha256", entry.Sha256);
            w.WriteNumber("bytes", entry.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>One file: its path (a document's file name, or an evidence file's path in the workspace), SHA-256 and size.</summary>
    public sealed record Entry(string Path, string Sha256, long Bytes);
}
