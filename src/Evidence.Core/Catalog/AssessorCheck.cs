using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Catalog;

/// <summary>
/// One thing an assessor asks for or tests on a control (the catalog's <c>assessor_focus</c> read as a
/// checklist), and the evidence that can answer it. An empty <see cref="AnsweredBy"/> says no evidence
/// this tool keeps answers it (an interview, a walkthrough, a sample the assessor draws): the binder then
/// says "not answered" rather than let a neighbouring document stand in for it.
/// </summary>
public sealed record AssessorCheck(string Ask, IReadOnlyList<Scalar> AnsweredBy, SourceLocation Location)
{
    /// <summary>The control's primary cloud evidence (its rules and policies that can prove it).</summary>
    public const string Cloud = "cloud";

    /// <summary>The owner's attestation for the last period.</summary>
    public const string Attestation = "attestation";

    /// <summary>A standard's specifications, judged each on its own evidence.</summary>
    public const string Specifications = "specifications";

    /// <summary>The documented decision (an addressable alternative or not applicable) in the workspace.</summary>
    public const string Decision = "decision";

    /// <summary>The words <see cref="AnsweredBy"/> takes besides expected-artifact ids and query keys.</summary>
    public static readonly string[] Words = [Cloud, Attestation, Specifications, Decision];

    /// <summary>A query key such as <c>aws-config-query/phi-stores-without-tenant</c> holds a slash; an artifact id never does.</summary>
    public static bool IsQueryKey(string reference) => reference.Contains('/', StringComparison.Ordinal);
}
