namespace Evidence.Core.Collection;

/// <summary>Counters a collector reports as it goes; the CLI shows them per service and sums them at the end.</summary>
public interface ICollectionProgress
{
    void Call(string service);

    void Page(string service, int rows);

    void Throttled(string service);

    void Retried(string service);

    void TaskDone(string service, bool failed);
}
