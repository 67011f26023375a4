using Azure.Core.Pipeline;
using Evidence.Collectors.Aws;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Resilience;
using Evidence.Collectors.Azure;
using Evidence.Collectors.Azure.Throttling;
using Evidence.Core.Clouds;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Replay;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Files;
using Evidence.Core.Loading;

namespace Evidence.Cli.Collect;

/// <summary>
/// The AWS and Azure collectors composed for one run: live (credentials from the SDK chain and
/// DefaultAzureCredential or EVIDENCE_AZURE_ACCESS_TOKEN), offline (every answer from the workspace's
/// <c>recordings/</c>, fixed credentials, no endpoint overrides), or live while recording.
/// </summary>
internal sealed class CollectorSet : IDisposable
{
    public const string RecordingsFolder = RecordingStore.Folder;

    // Replayed answers come at once; nothing is gained by pacing them like a real service.
    private const double OfflineRate = 1000;

    private readonly List<IDisposable> _owned = [];

    private CollectorSet(RecordingStore? recording) => Recording = recording;

    public IReadOnlyList<IEvidenceCollector> Collectors { get; private set; } = [];

    /// <summary>The collector that answers <paramref name="query"/> (the first that can), or null.</summary>
    public IEvidenceCollector? For(Core.Queries.EvidenceQuery query) => Collectors.FirstOrDefault(c => c.CanCollect(query));

    /// <summary>Where <c>--record</c> keeps the exchanges; saved by <see cref="SaveRecording"/>.</summary>
    public RecordingStore? Recording { get; }

    /// <summary>The collectors for a run started at <paramref name="startedAt"/>: recordings are made for that instant and replayed as of it.</summary>
    public static CollectorSet Create(LoadedWorkspace loaded, CollectSettings settings, CliContext context, CollectSeams? seams, DateTimeOffset startedAt)
    {
        var recording = settings.RecordTo is null ? null : CreateRecording(settings.RecordTo, startedAt);
        var set = new CollectorSet(recording);
        var handler = settings.Offline ? set.Own(new ReplayHandler(OpenRecordings(loaded), startedAt)) : seams?.Handler;
        if (recording is not null)
        {
            handler = set.Own(new RecordingHandler(recording, handler ?? set.Own(new SocketsHttpHandler())));
        }

        var environment = settings.Offline ? static _ => null : context.Environment;
        var aws = new AwsConfigCollector(new AwsConfigOptions
        {
            Handler = handler,
            Credentials = settings.Offline ? OfflineCredentials.Aws : EnvironmentAwsCredentials(settings, context),
            Profile = settings.AwsProfile,
            Environment = environment,
            Time = context.Time,
            Fips = settings.Fips,
            Rate = new AdaptiveRateOptions().StartingAt(settings.AwsRate ?? (settings.Offline ? OfflineRate : null)),
            RuleNames = RuleNames(loaded),
        });
        var azure = new AzurePolicyCollector(new AzurePolicyCollectorOptions
        {
            Credential = settings.Offline ? OfflineCredentials.Azure : null,
            Transport = handler is null ? null : new HttpClientTransport(set.Own(new HttpClient(handler, disposeHandler: false))),
            Environment = environment,
            TimeProvider = context.Time,
            RateLimit = AzurePolicyCollectorOptions.DefaultRateLimit.StartingAt(settings.AzureRate ?? (settings.Offline ? OfflineRate : null)),
        });
        set._owned.Add(aws);
        set._owned.Add(azure);
        set.Collectors = [aws, azure];
        return set;
    }

    /// <summary>Writes the recording's index; the bodies were written as they arrived.</summary>
    public void SaveRecording() => Recording?.Save();

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private static RecordingStore CreateRecording(string folder, DateTimeOffset now)
    {
        try
        {
            return RecordingStore.Create(folder, now);
        }
        catch (InvalidDataException e)
        {
            throw UserException.Io($"--record adds to the recordings in {folder}, but they cannot be read: {e.Message}");
        }
    }

    private static RecordingStore OpenRecordings(LoadedWorkspace loaded)
    {
        var folder = Path.Combine(loaded.Root, RecordingsFolder);
        if (!File.Exists(Path.Combine(folder, RecordingStore.IndexFile)))
        {
            throw UserException.Usage(
                $"--offline replays recorded responses from {loaded.Display(RecordingsFolder + "/" + RecordingStore.IndexFile)}, which does not exist; " +
                "collect live, or record responses first with --record DIR");
        }

        if (ContainedPath.Within(loaded.Root, RecordingsFolder) is null)
        {
            throw UserException.Workspace($"{loaded.Display(RecordingsFolder)} escapes the workspace through a link (it leads to {ContainedPath.Resolve(folder) ?? "a loop of links"}); keep the recordings inside the workspace");
        }

        try
        {
            return RecordingStore.Open(folder);
        }
        catch (InvalidDataException e)
        {
            throw UserException.Io(e.Message);
        }
    }

    /// <summary>
    /// Keys in the environment come first in the SDK's chain too; reading them here, through the
    /// command's environment, keeps that first step testable. A profile always goes to the chain.
    /// </summary>
    private static StaticAwsCredentialSource? EnvironmentAwsCredentials(CollectSettings settings, CliContext context)
    {
        if (settings.AwsProfile is not null || context.Environment("AWS_ACCESS_KEY_ID") is not { Length: > 0 } key ||
            context.Environment("AWS_SECRET_ACCESS_KEY") is not { Length: > 0 } secret)
        {
            return null;
        }

        var token = context.Environment("AWS_SESSION_TOKEN");
        var account = context.Environment("AWS_ACCOUNT_ID");
        return new StaticAwsCredentialSource(new AwsCredentials(key, secret, string.IsNullOrEmpty(token) ? null : token)
        {
            AccountId = string.IsNullOrEmpty(account) ? null : account,
        });
    }

    private static Dictionary<string, string> RuleNames(LoadedWorkspace loaded) =>
        loaded.Catalog.MappingsOf(AwsCloud.Instance)
            .Where(m => m.Query is AwsConfigRuleQuery)
            .GroupBy(m => ((AwsConfigRuleQuery)m.Query).Rule, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
}
