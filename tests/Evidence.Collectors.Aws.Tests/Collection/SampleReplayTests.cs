using System.Net;
using System.Text.Json;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Tests.Client;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Testing;

namespace Evidence.Collectors.Aws.Tests.Collection;

/// <summary>
/// The committed sample run's raw pages, served back through the HTTP handler seam (as offline replay
/// will), give the same raw files and byte-identical result rows: the collector reads AWS's answers
/// the way the sample says it should.
/// </summary>
public sealed class SampleReplayTests
{
    private static readonly string Run = Path.Combine(RepositoryPaths.AcmeHealth, "evidence", "runs", "20261120T060000Z");

    [Fact]
    public async Task TheSamplesAggregatorQueryReplaysToTheSameRawPagesRowsAndTimes()
    {
        var sample = Item("aws-0001");
        using var handler = Replay(sample, Pages(sample), _ => null);
        using var collector = new AwsConfigCollector(Options(handler));
        using var folder = new TempDirectory();
        var writer = EvidenceRunWriter.Start(folder.Path, AwsHarness.StartedAt, "acme-care-platform", "evidence-tests");
        var aggregator = new AwsAggregator("acme-org-hipaa", "345678901234", "us-east-1", default);
        var expression = "SELECT resourceId, resourceName, resourceType, accountId, awsRegion, tags WHERE resourceType IN ('AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster')";

        var item = await collector.CollectAsync(
            AwsHarness.QueryTask("aws-0001", expression, "345678901234", "us-east-1", aggregator), writer, new CountingProgress(), TestContext.Current.CancellationToken);

        AssertSameAs(sample, item);
        Assert.Equal(sample.GetProperty("evaluated_at").GetString(), Core.Yaml.Timestamps.Format(item.EvaluatedAt!.Value));
    }

    private static void AssertSameAs(JsonElement sample, EvidenceItem item)
    {
        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal(
            sample.GetProperty("raw").EnumerateArray().Select(r => (r.GetProperty("path").GetString(), r.GetProperty("sha256").GetString())),
            item.Raw.Select(r => ((string?)r.Path, (string?)r.Sha256)));
        Assert.Equal(sample.GetProperty("results").GetProperty("sha256").GetString(), item.Results!.Sha256);
        Assert.Equal(sample.GetProperty("results").GetProperty("rows").GetInt32(), item.Rows);
        Assert.Equal(sample.GetProperty("collected_at").GetString(), Core.Yaml.Timestamps.Format(item.CollectedAt));
    }

    /// <summary>Answers each call from the sample's pages, in NextToken order, dated when the sample says the item was collected.</summary>
    private static StubHandler Replay(JsonElement sample, List<byte[]> pages, Func<string, string?> other)
    {
        var date = DateTimeOffset.Parse(sample.GetProperty("collected_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return new StubHandler((_, request) =>
        {
            var target = request.Headers.GetValues("X-Amz-Target").Single().Split('.')[1];
            var body = JsonDocument.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement;
            Assert.Equal(100, target == "DescribeConfigRules" ? 100 : body.GetProperty("Limit").GetInt32());
            var answer = other(target) is { } text ? System.Text.Encoding.UTF8.GetBytes(text) : pages[PageAfter(pages, body)];
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(answer) };
            response.Headers.Date = date;
            return response;
        });
    }

    private static int PageAfter(List<byte[]> pages, JsonElement request)
    {
        if (!request.TryGetProperty("NextToken", out var token))
        {
            return 0;
        }

        for (var i = 0; i < pages.Count; i++)
        {
            if (JsonDocument.Parse(pages[i]).RootElement.TryGetProperty("NextToken", out var next) && next.GetString() == token.GetString())
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException("unknown NextToken");
    }

    private static JsonElement Item(string id) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Run, "manifest.json"))).RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == id);

    private static List<byte[]> Pages(JsonElement item) =>
        item.GetProperty("raw").EnumerateArray().Select(r => File.ReadAllBytes(Path.Combine(Run, r.GetProperty("path").GetString()!))).ToList();

    private static AwsConfigOptions Options(HttpMessageHandler handler) => new()
    {
        Handler = handler,
        Environment = _ => null,
        Credentials = new StaticAwsCredentialSource(new AwsCredentials("AKIDREPLAY", "replay-secret")),
    };
}
