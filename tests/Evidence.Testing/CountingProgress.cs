using Evidence.Core.Collection;

namespace Evidence.Testing;

/// <summary>Counts what a collector reports, safely across concurrent tasks, and can run a hook after each finished task (to cancel a run mid-way).</summary>
public sealed class CountingProgress : ICollectionProgress
{
    private int _calls;
    private int _pages;
    private int _rows;
    private int _throttled;
    private int _retried;
    private int _done;
    private int _failed;

    public Action<int>? AfterTask { get; init; }

    public int Calls => _calls;

    public int Pages => _pages;

    public int Rows => _rows;

    public int ThrottledCount => _throttled;

    public int RetriedCount => _retried;

    public int Done => _done;

    public int FailedTasks => _failed;

    public void Call(string service) => Interlocked.Increment(ref _calls);

    public void Page(string service, int rows)
    {
        Interlocked.Increment(ref _pages);
        Interlocked.Add(ref _rows, rows);
    }

    public void Throttled(string service) => Interlocked.Increment(ref _throttled);

    public void Retried(string service) => Interlocked.Increment(ref _retried);

    public void TaskDone(string service, bool failed)
    {
        if (failed)
        {
            Interlocked.Increment(ref _failed);
        }

        AfterTask?.Invoke(Interlocked.Increment(ref _done));
    }
}
