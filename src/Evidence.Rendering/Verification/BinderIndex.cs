using System.Text.Json;

namespace Evidence.Rendering.Verification;

/// <summary>
/// <c>binder-index.json</c>, attached to every binder PDF: the SHA-256 and size of every other attachment
/// and a SHA-256 of the pages' content. Its own SHA-256 is in the PDF's document information
/// (<c>/BinderIndexSha256</c>), so a reader can check the whole binder from one value, without trusting
/// any attachment to vouch for itself.
/// </summary>
internal sealed record BinderIndex(string ContentSha256, IReadOnlyList<BinderIndex.Entry> Attachments)
{
    public const string Name = "binder-index.json";
    public const string Format = "evidence-binder-index/1";

    /// <summary>The document information key that holds the index's SHA-256.</summary>
    public const string PropertyKey = "/BinderIndexSha256";

    /// <summary>The document information key where the binder records each run's manifest hash (<c>run:sha256, ...</c>).</summary>
    public const string ManifestsKey = "/" + ManifestsProperty;

    /// <summary>The document-information property that records each run manifest's hash (written by the document pipeline).</summary>
    public const string ManifestsProperty = "ManifestSha256";

    /// <summary>The index as UTF-8 JSON, attachments in name order, so the same binder gives the same bytes.</summary>
    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("content_sha256", ContentSha256);
            w.WriteStartArray("attachments");
            foreach (var entry in Attachments.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("name", entry.Name);
                w.WriteString("sha256", entry.Sha256);
                w.WriteNumber("bytes", entry.Bytes);
                if (entry.OriginalSha256 is { } original)
                {
                    w.WriteString("original_sha256", original);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Reads an index; null with <paramref name="problem"/> set when it is not one.</summary>
    public static BinderIndex? Parse(byte[] json, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format)
            {
                problem = $"not an index this Evidence reads (format is not '{Format}')";
                return null;
            }

            var entries = root.GetProperty("attachments").EnumerateArray()
                .Select(a => new Entry(a.GetProperty("name").GetString()!, a.GetProperty("sha256").GetString()!, a.GetProperty("bytes").GetInt64())
                {
                    OriginalSha256 = a.TryGetProperty("original_sha256", out var original) ? original.GetString() : null,
                })
                .ToList();
            problem = null;
            return new BinderIndex(root.GetProperty("content_sha256").GetString()!, entries);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problem = $"not a valid index ({e.Message})";
            return null;
        }
    }

    /// <summary>One attached file: its name in the PDF, SHA-256 and size in bytes.</summary>
    public sealed record Entry(string Name, string Sha256, long Bytes)
    {
        /// <summary>For a redacted copy (<c>evidence build --redact</c>): the SHA-256 of the original evidence file, which its manifest records.</summary>
        public string? OriginalSha256 { get; init; }
    }
}
