using Evidence.Cli.Collect;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Loading;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;
using Evidence.Testing.Fakes.Azure;
using Evidence.Testing.SampleRun;

namespace Evidence.Cli.Tests;

/// <summary>
/// The Acme Health sample commits recordings (samples/acme-health/recordings/) and the runs that replaying
/// them writes: two earlier collections of a few controls (2026-09-21 and 2026-10-20, so the findings have
/// history) and the full run of 2026-11-20, so `evidence collect --offline --as-of T` re-collects each of
/// them with no credentials.
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
    private static string Recordings => Path.Combine(CliRunner.Sample, "recordings");

    /// <summary>Each collection of the sample, oldest first: when it ran and what it was limited to.</summary>
    private static IEnumerable<(DateTimeOffset At, string[] Only)> Collections =>
        SampleScenario.EarlierRuns.Select(at => (at, SampleScenario.EarlierRunControls.ToArray()))
            .Append((SampleScenario.StartedAt, Array.Empty<string>()));

    private static string RunFolder(string workspace, DateTimeOffset at) =>
        Path.Combine(workspace, "evidence", "runs", Core.Yaml.Timestamps.Compact(at));

    private static string[] Collect(string workspace, DateTimeOffset at, string[] only, params string[] more) =>
        ["collect", workspace, .. more, "--as-of", Core.Yaml.Timestamps.Format(at), .. only.Length == 0 ? Array.Empty<string>() : ["--only", .. only]];

    [Fact]
    public void ReplayingTheSampleRecordingsWritesTheCommittedRunsByteForByte()
    {
        Assert.True(File.Exists(Path.Combine(Recordings, "exchanges.jsonl")), "the sample's recordings are missing; record them with EVIDENCE_REGENERATE_SAMPLE=1");
        using var copy = SampleCopy();

        foreach (var (at, only) in Collections)
        {
            var replay = Run(new Dictionary<string, string>(), null, Collect(copy.Path, at, only, "--offline"));

            Assert.True(replay.ExitCode == 0, replay.Error + replay.Out);
            AssertSameFiles(RunFolder(CliRunner.Sample, at), RunFolder(copy.Path, at));
        }
    }

    [Fact]
    public async Task RecordTheSampleFromTheFakeClouds()
    {
        if (Environment.GetEnvironmentVariable("EVIDENCE_REGENERATE_SAMPLE") != "1")
        {
            return;
        }

        var loaded = WorkspaceLoader.Load(CliRunner.Sample, verifyHashes: false);
        using var copy = SampleCopy();
        if (Directory.Exists(Recordings))
        {
            Directory.Delete(Recordings, recursive: true);
        }

        foreach (var (at, only) in Collections)
        {
            await using var aws = await FakeAwsConfigServer.StartAsync();
            await using var azure = await FakeAzureServer.StartAsync();
            aws.Clock = () => SampleFakes.ServerNowFor(at);
            azure.Clock = () => SampleFakes.ServerNowFor(at);
            aws.Credentials[0] = FakeAwsCredential.Default with { Account = loaded.Workspace!.Boundary.Aws!.Aggregator!.Account };
            SampleFakes.Load(loaded, aws.Data, azure, at);
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

            var live = Run(environment, handler, Collect(copy.Path, at, only, "--record", Recordings));
            Assert.True(live.ExitCode == 0, live.Error + live.Out);
            Assert.True(only.Length > 0 || live.Out.Contains(" 1 failed query", StringComparison.Ordinal), live.Out);
        }

        foreach (var (at, only) in Collections)
        {
            if (Directory.Exists(RunFolder(CliRunner.Sample, at)))
            {
                Directory.Delete(RunFolder(CliRunner.Sample, at), recursive: true);
            }
        }

        foreach (var (at, only) in Collections)
        {
            var replay = Run(new Dictionary<string, string>(), null, Collect(CliRunner.Sample, at, only, "--offline"));
            Assert.True(replay.ExitCode == 0, replay.Error + replay.Out);
            AssertSameFiles(RunFolder(copy.Path, at), RunFolder(CliRunner.Sample, at));
        }
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
