namespace Evidence.Core.Store;

/// <summary>
/// How an item's evidence was obtained, so a judgment and a binder say exactly what was seen. Written to
/// the manifest as <c>method</c> (kebab-case), omitted for <see cref="Detail"/> so runs written before
/// the field existed read unchanged.
/// </summary>
public enum EvidenceMethod
{
    /// <summary>The cloud's per-resource answer for the rule, every compliance state: every resource is a row and counted.</summary>
    Detail,

    /// <summary>
    /// The cloud's per-rule compliance summary (AWS Config, Azure Policy), with per-resource rows only for
    /// non-compliant resources. Compliant resources are not counted (<see cref="ComplianceCounts.Compliant"/>
    /// is null): the item proves "the cloud reported this rule compliant in that source at that time".
    /// </summary>
    Summary,

    /// <summary>Rows cut from one organisation-wide query (an aggregate advanced query, Resource Graph): every state, counted.</summary>
    BulkQuery,
}
