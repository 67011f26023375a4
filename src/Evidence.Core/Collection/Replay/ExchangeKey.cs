using System.Security.Cryptography;
using System.Text;

namespace Evidence.Core.Collection.Replay;

/// <summary>
/// Names a request independently of the host it went to and of its signature: the evidence source the
/// collector was working for, the method, the path and query, the AWS target, and the body's SHA-256.
/// A fake server's random port and a real endpoint give the same key, so recordings replay anywhere.
/// </summary>
public static class ExchangeKey
{
    /// <summary>The request option collectors set to say which evidence source a request serves.</summary>
    public static readonly HttpRequestOptionsKey<string> Source = new("evidence.source");

    /// <summary>
    /// The header that says the same where a collector cannot reach the request's options (Azure.Core
    /// builds its own <see cref="HttpRequestMessage"/>); read when the option is absent.
    /// </summary>
    public const string SourceHeader = "x-evidence-source";

    public static async Task<string> ForAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(Source, out var source) && request.Headers.TryGetValues(SourceHeader, out var tagged))
        {
            source = string.Join(',', tagged);
        }

        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? string.Join(',', values) : string.Empty;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body))[..16];
        var path = request.RequestUri is null ? string.Empty : request.RequestUri.PathAndQuery;
        return $"{source ?? "-"} {request.Method.Method} {path} {(target.Length == 0 ? "-" : target)} {bodyHash}";
    }

    /// <summary>A short, file-name-safe digest of a key.</summary>
    public static string Digest(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
}
