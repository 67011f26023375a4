using System.Net;
using System.Text;
using Evidence.Core.Collection.Replay;
using Evidence.Testing;

namespace Evidence.Core.Tests.Collection;

public sealed class ReplayTests
{
    [Fact]
    public async Task ARecordedExchangeReplaysWithItsStatusHeadersAndExactBytes()
    {
        using var folder = new TempDirectory();
        var body = Encoding.UTF8.GetBytes("{\"EvaluationResults\":[],\"NextToken\":null}\n");
        var recorder = RecordingStore.Create(folder.Path);
        using (var client = new HttpClient(new RecordingHandler(recorder, new CannedHandler(HttpStatusCode.OK, body))))
        {
            using var request = Request("https://config.us-east-1.amazonaws.com/", "aws 111122223333/us-east-1");
            using var recorded = await client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        recorder.Save();

        using var replay = new HttpClient(new ReplayHandler(RecordingStore.Open(folder.Path)));
        using var again = Request("http://127.0.0.1:5555/", "aws 111122223333/us-east-1");
        using var response = await replay.SendAsync(again, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 6, 0, 3, TimeSpan.Zero), response.Headers.Date);
    }

    [Fact]
    public async Task ARequestForAnotherSourceIsNotAnsweredFromTheWrongRecording()
    {
        using var folder = new TempDirectory();
        var recorder = RecordingStore.Create(folder.Path);
        using (var client = new HttpClient(new RecordingHandler(recorder, new CannedHandler(HttpStatusCode.OK, [(byte)'{', (byte)'}']))))
        {
            using var request = Request("https://config.us-east-1.amazonaws.com/", "aws 111122223333/us-east-1");
            using var recorded = await client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        recorder.Save();

        using var replay = new HttpClient(new ReplayHandler(RecordingStore.Open(folder.Path)));
        using var other = Request("https://config.us-east-1.amazonaws.com/", "aws 444455556666/us-east-1");
        using var response = await replay.SendAsync(other, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(ReplayHandler.NotRecordedCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void AThrottledOrFailedAnswerIsReplacedByTheLaterAnswerForTheSameRequest(int transient)
    {
        using var folder = new TempDirectory();
        var recorder = RecordingStore.Create(folder.Path);
        recorder.Add("k", transient, [], Encoding.UTF8.GetBytes("slow down"));
        recorder.Add("k", 200, [new("Date", "Fri, 20 Nov 2026 06:00:03 GMT")], Encoding.UTF8.GetBytes("ok"));
        recorder.Add("k", 503, [], Encoding.UTF8.GetBytes("late failure"));
        recorder.Save();

        var store = RecordingStore.Open(folder.Path);
        var exchange = Assert.IsType<HttpExchange>(store.Find("k"));
        Assert.Equal(1, store.Count);
        Assert.Equal(200, exchange.Status);
        Assert.Equal(Encoding.UTF8.GetBytes("ok"), store.ReadBody(exchange));
    }

    [Fact]
    public void AnotherAnswerForARequestAlreadyAnsweredKeepsTheFirst()
    {
        using var folder = new TempDirectory();
        var recorder = RecordingStore.Create(folder.Path);
        recorder.Add("k", 404, [], Encoding.UTF8.GetBytes("first"));
        recorder.Add("k", 200, [], Encoding.UTF8.GetBytes("second"));

        var exchange = Assert.IsType<HttpExchange>(recorder.Find("k"));
        Assert.Equal(404, exchange.Status);
        Assert.Equal(Encoding.UTF8.GetBytes("first"), recorder.ReadBody(exchange));
    }

    [Fact]
    public void AMalformedRecordingIsReportedWithItsLine()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine(RecordingStore.IndexFile), "{\"key\":\"a\",\"status\":200,\"headers\":[],\"body\":\"bodies/a\"}\nnot json\n");

        var error = Assert.Throws<InvalidDataException>(() => RecordingStore.Open(folder.Path));

        Assert.Contains($"{RecordingStore.IndexFile}:2:1:", error.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(string url, string source)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{\"ConfigRuleName\":\"s3-bucket-public-read-prohibited\"}") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "StarlingDoveService.GetComplianceDetailsByConfigRule");
        request.Options.Set(ExchangeKey.Source, source);
        return request;
    }

    private sealed class CannedHandler(HttpStatusCode status, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
            response.Headers.Date = new DateTimeOffset(2026, 11, 20, 6, 0, 3, TimeSpan.Zero);
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
            return Task.FromResult(response);
        }
    }
}
