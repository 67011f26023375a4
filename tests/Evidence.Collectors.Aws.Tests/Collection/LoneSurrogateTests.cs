using System.Net;
using System.Text;
using Evidence.Collectors.Aws.Tests.Client;
using Evidence.Core.Collection;
using Evidence.Core.Store;
using Evidence.Testing;

namespace Evidence.Collectors.Aws.Tests.Collection;

/// <summary>
/// A resource id holding a lone surrogate (<c>"\ud800"</c>, valid JSON that .NET cannot make a string of):
/// the query is collected, the raw response keeps the bytes as sent, and only the rows show U+FFFD.
/// </summary>
public sealed class LoneSurrogateTests
{
    private const string Rules = """{"ConfigRules":[{"ConfigRuleName":"s3-bucket-public-read-prohibited","ConfigRuleArn":"arn:aws:config:us-east-1:111122223333:config-rule/config-rule-1","Source":{"Owner":"AWS","SourceIdentifier":"S3_BUCKET_PUBLIC_READ_PROHIBITED"}}]}""";

    private const string Results = """{"EvaluationResults":[{"EvaluationResultIdentifier":{"EvaluationResultQualifier":{"ConfigRuleName":"s3-bucket-public-read-prohibited","ResourceType":"AWS::S3::Bucket","ResourceId":"exports-\ud800-\ud83d\ude00"}},"ComplianceType":"NON_COMPLIANT","ResultRecordedTime":1.7836e9,"ConfigRuleInvokedTime":1.7836e9}]}""";

    [Fact]
    public async Task ALoneSurrogateInAResourceIdIsRepairedInTheRowsAndKeptInTheRawResponse()
    {
        using var handler = new StubHandler((_, request) =>
        {
            var target = request.Headers.GetValues("X-Amz-Target").Single();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(target.EndsWith(".DescribeConfigRules", StringComparison.Ordinal) ? Rules : Results, Encoding.UTF8) };
        });
        await using var harness = await AwsHarness.StartAsync();
        using var collector = new AwsConfigCollector(harness.Options() with { Handler = handler });
        var task = AwsHarness.RuleTask("aws-0001", "S3_BUCKET_PUBLIC_READ_PROHIBITED");

        var item = await collector.CollectAsync(task, harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal((ItemStatus.Collected, 1), (item.Status, item.Counts.NonCompliant));
        Assert.Equal(Encoding.UTF8.GetBytes(Results), File.ReadAllBytes(harness.RunFile(Assert.Single(item.Raw).Path)));
        var row = Assert.Single(ResultRowFormat.Read(harness.RunFile("results/aws-0001.jsonl")));
        Assert.Equal("exports-\uFFFD-\U0001F600", row.ResourceId);
    }

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"a\\ud800b\"", "a\uFFFDb")]
    [InlineData("\"\\udc00\\ud83d\\ude00\\ud83d\"", "\uFFFD\U0001F600\uFFFD")]
    [InlineData("\"tab\\t\\\"q\\\" \\u00e9 \\ud800\"", "tab\t\"q\" \u00e9 \uFFFD")]
    public void AJsonStringIsReadWithOnlyItsLoneSurrogatesReplaced(string json, string expected)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);

        Assert.Equal(expected, JsonStrings.Read(document.RootElement));
    }
}
