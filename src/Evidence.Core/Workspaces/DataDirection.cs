namespace Evidence.Core.Workspaces;

/// <summary>Which way data flows over an interconnection, seen from the system.</summary>
public enum DataDirection
{
    Inbound,
    Outbound,
    Bidirectional,
}
