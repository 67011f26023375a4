using Microsoft.Extensions.Hosting;

namespace Evidence.Web.State;

/// <summary>
/// Watches the workspace folder and, once writes have settled for the debounce interval, marks the
/// snapshot out of date and tells open pages. The portal's own folder (<c>.evidence/</c>) and git's are ignored.
/// </summary>
internal sealed class WorkspaceWatcher(ServeOptions options, WorkspaceState state, ChangeFeed feed) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;
    private Timer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Wall-clock time, not the injected clock: the debounce waits for real writes to settle, whatever "now" the pages judge at.
        _timer = new Timer(_ => feed.Publish(state.Invalidate()), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetFullPath(options.Workspace))
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        // A watcher whose buffer overflowed has lost events: treat it as a change of everything.
        _watcher.Error += (_, _) => Settle();
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
        _watcher = null;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var first = e.Name?.Split('/', '\\')[0];
        if (first is ".evidence" or ".git")
        {
            return;
        }

        Settle();
    }

    /// <summary>Restarts the quiet period: a run written file by file is one change, not hundreds.</summary>
    private void Settle() => _timer?.Change(options.Debounce, Timeout.InfiniteTimeSpan);
}
