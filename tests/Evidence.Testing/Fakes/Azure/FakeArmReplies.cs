using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>Resource Manager's answers that are not a page: its error body, 401 for an expired token, 429 with Retry-After.</summary>
internal static class FakeArmReplies
{
    public static Task<int> ExpiredAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer authorization_uri=\"https://login.example.invalid/\", error=\"invalid_token\", error_description=\"The access token expiry UTC time is earlier than current UTC time.\"";
        return ErrorAsync(context, 401, "ExpiredAuthenticationToken", "The access token expiry UTC time is earlier than current UTC time.");
    }

    public static Task<int> ThrottleAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ErrorAsync(context, 429, "TooManyRequests", "The request is being throttled; try again after the time Retry-After gives.");
    }

    public static async Task<int> ErrorAsync(HttpContext context, int status, string code, string message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["error"] = new Dictionary<string, string> { ["code"] = code, ["message"] = message },
        });
        await WriteAsync(context, status, body).ConfigureAwait(false);
        return status;
    }

    public static async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
