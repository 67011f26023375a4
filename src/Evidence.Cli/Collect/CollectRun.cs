using Evidence.Core.Collection;
using Evidence.Core.Loading;
using Evidence.Core.Store;

namespace Evidence.Cli.Collect;

/// <summary>One collection run from start to summary: the run folder, the runner, the display, the exit code.</summary>
internal static class CollectRun
{
    public static ExitCode Run(
        CliContext context, TimeProvider runClock, LoadedWorkspace loaded, DateTimeOffset startedAt, IReadOnlyList<CollectionTask> tasks, CollectorSet collectors,
        DetailLevel detail, Func<string, EstimateBasis> basis, bool json = false)
    {
        var clockStart = context.Time.GetTimestamp();
        string? refused;
        try
        {
            refused = Prepare(context, tasks, collectors);
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine("evidence: collection was interrupted before it began; no run was written");
            return ExitCode.CollectionIncomplete;
        }

        if (refused is not null)
        {
            context.Error.WriteLine($"evidence: {refused}; no run was written");
            return ExitCode.CredentialsUnavailable;
        }

        var writer = EvidenceRunWriter.Start(loaded.Root, startedAt, loaded.Workspace!.System.Id, EvidenceApp.Tool);
        writer.Scanner = loaded.Workspace.Settings.Scanner(loaded.Workspace.People);
        var runDisplay = loaded.Display($"{EvidenceStoreReader.RunsFolder}/{writer.RunId}");
        var planned = tasks
            .GroupBy(t => collectors.For(t.Query)?.Service ?? "other", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var counters = new CollectionCounters();
        var runner = new CollectionRunner(collectors.Collectors, runClock) { Detail = detail, Basis = basis };
        CollectionResult result;
        try
        {
            result = CollectionDisplay.RunAsync(json ? context.OutToError() : context, counters, planned, progress => runner.RunAsync(tasks, writer, progress, context.Cancellation))
                .GetAwaiter().GetResult();
        }
        finally
        {
            collectors.SaveRecording();
        }

        var calls = CallsAgainstEstimate.Of(counters, result, Described(tasks, collectors, result));
        var summary = json ? context.Error : context.Out;
        CollectionSummary.Write(summary, runDisplay, counters, result, writer.Tally, context.Time.GetElapsedTime(clockStart));
        CallsAgainstEstimate.WriteLines(summary, calls);
        if (json)
        {
            CallsAgainstEstimate.WriteJson(context.Out, runDisplay, result, counters, calls);
        }

        if (result.Complete)
        {
            return ExitCode.Success;
        }

        context.Error.WriteLine($"evidence: {result.AbortReason}");
        return ExitCode.CollectionIncomplete;
    }

    /// <summary>The calls each cloud's tasks describe (as the dry run counts them), for the clouds no bulk estimate covers.</summary>
    private static Dictionary<string, long> Described(IReadOnlyList<CollectionTask> tasks, CollectorSet collectors, CollectionResult result)
    {
        var described = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (collectors.For(task.Query) is { } collector && result.Estimates.All(e => e.Cloud != collector.Service))
            {
                described[collector.Service] = described.GetValueOrDefault(collector.Service) + collector.Describe(task).LongCount();
            }
        }

        return described;
    }

    /// <summary>Lets each collector with work check its credentials; the reason none could be had, or null.</summary>
    private static string? Prepare(CliContext context, IReadOnlyList<CollectionTask> tasks, CollectorSet collectors)
    {
        foreach (var group in tasks.GroupBy(t => collectors.For(t.Query)).Where(g => g.Key is not null))
        {
            try
            {
                group.Key!.PrepareAsync([.. group], context.Cancellation).GetAwaiter().GetResult();
            }
            catch (CollectionAbortedException e)
            {
                return e.Message;
            }
        }

        return null;
    }
}
