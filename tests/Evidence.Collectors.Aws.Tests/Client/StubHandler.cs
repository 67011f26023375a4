namespace Evidence.Collectors.Aws.Tests.Client;

/// <summary>Answers requests from a script, one function call per request, and notes when each arrived.</summary>
internal sealed class StubHandler(Func<int, HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<DateTimeOffset> _arrivals = [];

    public IReadOnlyList<DateTimeOffset> Arrivals
    {
        get
        {
            lock (_arrivals)
            {
                return [.. _arrivals];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int number;
        lock (_arrivals)
        {
            _arrivals.Add(DateTimeOffset.UtcNow);
            number = _arrivals.Count;
        }

        return Task.FromResult(answer(number, request));
    }
}
