namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>One Resource Manager response as received: status, body bytes, and the headers collection cares about.</summary>
internal sealed record ArmResponse(int Status, byte[] Body, DateTimeOffset? Date, TimeSpan? RetryAfter, string? ContentType)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The file extension to keep the body under: what the service said it sent.</summary>
    public string Extension => ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != false ? "json" : "txt";
}
