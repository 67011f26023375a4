using Evidence.Cli.Collect;
using Evidence.Core.Loading;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;
using Evidence.Testing.Fakes.Azure;
using Evidence.Testing.SampleRun;

namespace Evidence.Cli.Tests;

/// <summary>
/// The Acme Health sample commits recordings (samples/acme-health/recordings/) and the run that replaying
/// them writes (evidence/runs/20261120T060000Z/), so `evidence collect --offline` re-collects the sample
/// with no credentials.
///
/// To record again (after changing the scenario in tests/Evidence.Testing/SampleRun/, the catalog
/// mappings or the sample's overlays), run with EVIDENCE_REGENERATE_SAMPLE=1: the sample is collected from
/// the fake AWS and Azure servers loaded with the scenario, recorded, and the committed run replaced by a
/// replay of the new recordings. Review the diff and commit it:
///
///   EVIDENCE_REGENERATE_SAMPLE=1 dotnet test --project tests/Evidence.Cli.Tests -- --filter-method "*RecordTheSample*"
/// </summary>
public sealed class SampleRecordingsTests
{
    private const string AsOf = "2026-11-20T06:00:00Z";

    private static string Recordings => Path.Combine(CliRunner.Sample, "recordings");

    private static string CommittedRun => Path.Combine(CliRunner.Sample, "evidence", "runs", SampleScenario.RunId);

    [Fact]
    public void ReplayingTheSampleRecordingsWritesTheCommittedRunByteForByte()
    {
        Assert.True(File.Exists(Path.Combine(Recordings, "exchanges.jsonl")), "the sample's recordings are missing; record them with EVIDENCE_REGENERATE_SAMPLE=1");
        using var copy = SampleCopy();

        var replay = Run(new Dictionary<string, string>(), null, "collect", copy.Path, "--offline", "--as-of", AsOf);

        Assert.True(replay.ExitCode == 0, replay.Error + replay.Out);
        AssertSameFiles(CommittedRun, Path.Combine(copy.Path, "evidence", "runs", SampleScenario.RunId));
    }

    [Fact]
    public async Task RecordTheSampleFromTheFakeClouds()
    {
        if (Environment.GetEnvironmentVariable("EVIDENCE_REGENERATE_SAMPLE") != "1")
        {
            return;
        }

        var loaded = WorkspaceLoader.Load(CliRunner.Sample, verifyHashes: false);
        await using var aws = await FakeAwsConfigServer.StartAsync();
        await using var azure = await FakeAzureServer.StartAsync();
        aws.Clock = () => SampleFakes.ServerNow;
        azure.Clock = () => SampleFakes.ServerNow;
        aws.Credentials[0] = FakeAwsCredential.Default with { Account = loaded.Workspace!.Boundary.Aws!.Aggregator!.Account };
        SampleFakes.Load(loaded, aws.Data, azure);
        using var handler = azure.CreateHandler();
        var environment = new Dictionary<string, string>
        {
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_ENDPOINT_URL_CONFIG_SERVICE"] = aws.Endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = FakeAwsCredential.Default.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = FakeAwsCredential.Default.SecretAccessKey,
            ["EVIDENCE_AZURE_RESOURCE_MANAGER_ENDPOINT"] = azure.Endpoint.ToString(),
            ["EVIDENCE_AZURE_ACCESS_TOKEN"] = azure.AccessToken,
        };

        using var copy = SampleCopy();
        if (Directory.Exists(Recordings))
        {
            Directory.Delete(Recordings, recursive: true);
        }

        var live = Run(environment, handler, "collect", copy.Path, "--record", Recordings, "--as-of", AsOf);
        Assert.True(live.ExitCode == 0, live.Error + live.Out);
        Assert.True(live.Out.Contains(" 1 failed query", StringComparison.Ordinal), live.Out);

        if (Directory.Exists(CommittedRun))
        {
            Directory.Delete(CommittedRun, recursive: true);
        }

        var replay = Run(new Dictionary<string, string>(), null, "collect", CliRunner.Sample, "--offline", "--as-of", AsOf);
        Assert.True(replay.ExitCode == 0, replay.Error + replay.Out);
        AssertSameFiles(Path.Combine(copy.Path, "evidence", "runs", SampleScenario.RunId), CommittedRun);
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        static List<string> Files(string d) => [.. Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(d, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
        Assert.Equal(Files(expected), Files(actual));
        foreach (var file in Files(expected))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs");
        }
    }

    /// <summary>The sample without its runs (and so without the run the test writes again).</summary>
    private static TempDirectory SampleCopy()
    {
        var temp = new TempDirectory();
        var runs = Path.Combine(CliRunner.Sample, "evidence", "runs") + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(CliRunner.Sample, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(runs, StringComparison.Ordinal)))
        {
            var target = Path.Combine(temp.Path, Path.GetRelativePath(CliRunner.Sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return temp;
    }

    /// <summary>Live collection waits for real (retry backoff, rate limits), so it runs on the system clock.</summary>
    private static CliResult Run(Dictionary<string, string> environment, HttpMessageHandler? handler, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = output, Error = error, Time = TimeProvider.System, IsTerminal = false,
            Environment = name => environment.GetValueOrDefault(name), Cancellation = TestContext.Current.CancellationToken,
            CollectSeams = handler is null ? null : new CollectSeams { Handler = handler },
        };
        var code = EvidenceApp.Run(args, context);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
