using System.Text.Json;

namespace Evidence.Collectors.Aws.Client;

/// <summary>
/// The final answer to one call, after any retries: the body exactly as received (for the evidence
/// store), the parsed JSON when the call succeeded, the server's Date, or the error.
/// </summary>
public sealed record AwsConfigResponse
{
    public required AwsConfigOperation Operation { get; init; }

    /// <summary>The HTTP status, or 0 when no complete response arrived.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The response body as received; for a cut-off response, the part that arrived.</summary>
    public required byte[] Body { get; init; }

    /// <summary>The parsed body of a successful call.</summary>
    public JsonElement? Json { get; init; }

    /// <summary>The server's Date header: the instant the cloud answered.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>How long the server asked us to wait before retrying, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public AwsConfigError? Error { get; init; }

    /// <summary>HTTP attempts made for this call, retries included.</summary>
    public int Attempts { get; init; } = 1;

    public bool IsSuccess => Error is null && Json is not null;

    /// <summary>The page's NextToken, or null on the last page.</summary>
    public string? NextToken =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(nameof(NextToken), out var token) && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>The items of the page's result list (<see cref="AwsConfigOperation.ResultKey"/>); none when absent.</summary>
    public IEnumerable<JsonElement> Items =>
        Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(Operation.ResultKey, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : [];
}
