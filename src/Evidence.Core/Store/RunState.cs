namespace Evidence.Core.Store;

/// <summary>Whether a run finished. An incomplete run keeps what it got but is never mistaken for whole.</summary>
public enum RunState
{
    Complete,
    Incomplete,
}
