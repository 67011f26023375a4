namespace Evidence.Core.Collection.Replay;

/// <summary>Passes requests on to the network and keeps a copy of every exchange in a <see cref="RecordingStore"/>.</summary>
public sealed class RecordingHandler(RecordingStore store, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly string[] KeptHeaders = ["Date", "Content-Type", "Retry-After", "x-amzn-RequestId", "x-ms-request-id"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = await ExchangeKey.ForAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = KeptHeaders
            .Select(name => (name, values: response.Headers.TryGetValues(name, out var h) ? h : response.Content.Headers.TryGetValues(name, out var c) ? c : null))
            .Where(x => x.values is not null)
            .Select(x => new KeyValuePair<string, string>(x.name, string.Join(", ", x.values!)))
            .ToList();
        store.Add(key, (int)response.StatusCode, headers, body);

        // The body was read to record it; hand the caller a fresh copy with the original content headers.
        var replacement = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = replacement;
        return response;
    }
}
