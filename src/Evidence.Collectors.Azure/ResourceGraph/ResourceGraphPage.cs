using System.Text.Json;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.ResourceGraph;

/// <summary>
/// One parsed Resource Graph answer (<c>resultFormat: objectArray</c>): its rows as result rows, the
/// <c>$skipToken</c> of the next page, and whether the service said it cut the results short.
/// </summary>
internal sealed record ResourceGraphPage(IReadOnlyList<ResultRow> Rows, string? SkipToken, bool Truncated, long? TotalRecords)
{
    /// <summary>Parses a page; anything but Resource Graph's shape is <see cref="InvalidDataException"/>, with what was wrong.</summary>
    public static ResourceGraphPage Parse(byte[] body, string compliance)
    {
        var rows = new List<ResultRow>();
        var (skipToken, truncated, total) = Read(body, (row, index) => rows.Add(ResourceGraphRow.From(row, index, compliance)));
        return new ResourceGraphPage(rows, skipToken, truncated, total);
    }

    /// <summary>
    /// Hands each row of an <c>objectArray</c> answer to <paramref name="row"/> (numbered from 1) while the answer is
    /// open; gives the <c>$skipToken</c> of the next page, whether the service said it cut the results, and the total it says the query matches.
    /// </summary>
    public static (string? SkipToken, bool Truncated, long? TotalRecords) Read(byte[] body, Action<JsonElement, int> row)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(row);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the response is not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("the response has no 'data' array of rows (is resultFormat objectArray?)");
            }

            var index = 0;
            foreach (var element in data.EnumerateArray())
            {
                row(element, ++index);
            }

            var skipToken = root.TryGetProperty("$skipToken", out var token) && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } t ? t : null;
            var total = root.TryGetProperty("totalRecords", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt64(out var n) ? n : (long?)null;
            return (skipToken, IsTrue(root, "resultTruncated"), total);
        }
    }

    // The service sends resultTruncated as the string "true" or "false"; a JSON boolean is read the same way.
    private static bool IsTrue(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True ||
            (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase)));
}
