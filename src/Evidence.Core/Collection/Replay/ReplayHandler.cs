using System.Net;

namespace Evidence.Core.Collection.Replay;

/// <summary>
/// Answers requests from recordings instead of the network (<c>evidence collect --offline</c>). A
/// request that was never recorded gets an HTTP 404 whose body says so, which the collectors record
/// as a failed query rather than a crash.
/// </summary>
/// <param name="store">The recordings.</param>
/// <param name="asOf">The instant of the collection being replayed: each request gets the latest answer recorded for it or before.</param>
public sealed class ReplayHandler(RecordingStore store, DateTimeOffset? asOf = null) : HttpMessageHandler
{
    public const string NotRecordedCode = "NotRecorded";

    // Both error shapes at once: AWS reads "__type", Azure reads "error.code".
    private const string NotRecordedBody =
        "{\"__type\":\"NotRecorded\",\"message\":\"no recorded response for this request\",\"error\":{\"code\":\"NotRecorded\",\"message\":\"no recorded response for this request\"}}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = await ExchangeKey.ForAsync(request, cancellationToken).ConfigureAwait(false);
        var exchange = store.Find(key, asOf);
        if (exchange is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                RequestMessage = request,
                Content = new StringContent(NotRecordedBody),
            };
        }

        var response = new HttpResponseMessage((HttpStatusCode)exchange.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(store.ReadBody(exchange)),
        };
        foreach (var (name, value) in exchange.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
