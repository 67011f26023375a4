namespace Evidence.Core.Store;

/// <summary>Whether a query's evidence was collected. A failed item counts as "not satisfied".</summary>
public enum ItemStatus
{
    Collected,
    Failed,
}
