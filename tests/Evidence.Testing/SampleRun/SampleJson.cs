using System.Text.Encodings.Web;
using System.Text.Json;

namespace Evidence.Testing.SampleRun;

/// <summary>Compact JSON, as the cloud APIs send it, without HTML-escaping ('+', '&lt;', quotes) that they would not do.</summary>
internal static class SampleJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Splits <paramref name="items"/> into pages of at most <paramref name="size"/>; an empty list is one empty page.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Pages<T>(IReadOnlyList<T> items, int size) =>
        items.Count == 0 ? [[]] : items.Chunk(size).Select(c => (IReadOnlyList<T>)c).ToList();
}
