namespace Evidence.Core.Collection;

/// <summary>
/// Which per-resource detail a run fetches (<c>collect --detail</c>). A bulk plan asks the cloud for each
/// rule's compliance summary and lists resources only where this says so.
/// </summary>
public enum DetailLevel
{
    /// <summary>Chooses by the estimate: full detail while it stays cheap (a small workspace keeps today's answers), else <see cref="NonCompliant"/>.</summary>
    Auto,

    /// <summary>Every resource of every rule in every state, as the per-rule plan always fetched.</summary>
    All,

    /// <summary>Each rule's compliance summary, and every resource only of rules with non-compliant ones.</summary>
    NonCompliant,
}
