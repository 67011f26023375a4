using System.Text.Json;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>
/// One parsed <c>queryResults</c> page: its policy states as result rows, what policy each state is of
/// (<see cref="Targets"/>, row by row, to share one page among several queries), and the link to the next page.
/// </summary>
internal sealed record PolicyStatesPage(IReadOnlyList<ResultRow> Rows, Uri? NextLink)
{
    public IReadOnlyList<PolicyStateTarget> Targets { get; init; } = [];

    /// <summary>Parses a page; anything but Policy Insights' shape is <see cref="InvalidDataException"/>, with what was wrong.</summary>
    public static PolicyStatesPage Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the response is not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("the response has no 'value' array of policy states");
            }

            var rows = new List<ResultRow>(value.GetArrayLength());
            var targets = new List<PolicyStateTarget>(value.GetArrayLength());
            var index = 0;
            foreach (var state in value.EnumerateArray())
            {
                index++;
                rows.Add(PolicyStateRow.From(state, index));
                targets.Add(PolicyStateTarget.Of(state));
            }

            return new PolicyStatesPage(rows, NextLinkOf(root)) { Targets = targets };
        }
    }

    private static Uri? NextLinkOf(JsonElement root)
    {
        if (!root.TryGetProperty("@odata.nextLink", out var next) || next.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (next.ValueKind != JsonValueKind.String || next.GetString() is not { Length: > 0 } link)
        {
            return null;
        }

        return Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new InvalidDataException($"'@odata.nextLink' is not an https URL: {link}");
    }
}
