using System.Collections.Concurrent;
using Evidence.Core.Collection;

namespace Evidence.Cli.Collect;

/// <summary>Thread-safe counters per service (calls, pages, rows, throttled, retried, tasks done and failed).</summary>
internal sealed class CollectionCounters : ICollectionProgress
{
    private readonly ConcurrentDictionary<string, ServiceCounters> _services = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Service, ServiceCounters Counters)> Services =>
        _services.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value)).ToList();

    public ServiceCounters For(string service) => _services.GetOrAdd(service, _ => new ServiceCounters());

    public void Call(string service) => Interlocked.Increment(ref For(service).Calls);

    public void Page(string service, int rows)
    {
        var counters = For(service);
        Interlocked.Increment(ref counters.Pages);
        Interlocked.Add(ref counters.Rows, rows);
    }

    public void Throttled(string service) => Interlocked.Increment(ref For(service).Throttled);

    public void Retried(string service) => Interlocked.Increment(ref For(service).Retried);

    public void TaskDone(string service, bool failed)
    {
        var counters = For(service);
        Interlocked.Increment(ref counters.Done);
        if (failed)
        {
            Interlocked.Increment(ref counters.Failed);
        }
    }
}

/// <summary>One service's counters; fields so they can be incremented atomically.</summary>
internal sealed class ServiceCounters
{
#pragma warning disable CA1051 // Interlocked needs fields.
    public long Calls;
    public long Pages;
    public long Rows;
    public long Throttled;
    public long Retried;
    public long Done;
    public long Failed;
#pragma warning restore CA1051
}
