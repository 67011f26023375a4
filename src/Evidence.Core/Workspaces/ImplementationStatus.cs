namespace Evidence.Core.Workspaces;

/// <summary>What the owner says about the control's implementation.</summary>
public enum ImplementationStatus
{
    Implemented,
    PartiallyImplemented,
    Planned,

    /// <summary>An addressable specification met by a documented alternative measure.</summary>
    Alternative,
    NotImplemented,
    NotApplicable,
}
