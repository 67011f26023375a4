using System.Text;
using System.Text.Json;

namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>Resource Manager's error body, <c>{"error":{"code":"...","message":"..."}}</c>, or what stands in for it when the body is not one.</summary>
internal sealed record ArmError(string Code, string Message)
{
    public const string ResponseTooLarge = "ResponseTooLarge";

    public static ArmError From(ArmResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = Text(error, "code") ?? $"Http{response.Status}";
                return new ArmError(code, Text(error, "message") ?? $"HTTP {response.Status}");
            }
        }
        catch (JsonException)
        {
            // Not Resource Manager's shape (a gateway's HTML page, say): describe it by its status.
        }

        return new ArmError($"Http{response.Status}", $"HTTP {response.Status}: {Excerpt(response.Body)}");
    }

    /// <summary>The error of a failed answer, saying when it is a 429 that outlasted every retry (the client retries throttling itself).</summary>
    public static ArmError After(ArmResponse response, int maxRetries)
    {
        var error = From(response);
        return response.Status == 429 ? error with { Message = $"{error.Message} (still throttled after {maxRetries} retries)" } : error;
    }

    /// <summary>"code: message", for one-line reports.</summary>
    public override string ToString() => $"{Code}: {Message}";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Excerpt(byte[] body)
    {
        if (body.Length == 0)
        {
            return "no body";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ").Trim();
        return body.Length > 200 ? text + "…" : text;
    }
}
