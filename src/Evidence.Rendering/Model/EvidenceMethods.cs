using Evidence.Core.Store;

namespace Evidence.Rendering.Model;

/// <summary>How an item's evidence was obtained, in the words the binder prints.</summary>
internal static class EvidenceMethods
{
    /// <summary>Kebab-case, for templates to compare: <c>detail</c>, <c>summary</c>, <c>bulk-query</c>.</summary>
    public static string Key(EvidenceMethod method) => Texts.Kebab(method);

    /// <summary>One phrase a reader understands without knowing the cloud's API.</summary>
    public static string Text(EvidenceMethod method) => method switch
    {
        EvidenceMethod.Summary => "the cloud's compliance summary per rule and source (failing resources listed; passing ones reported, not counted)",
        EvidenceMethod.BulkQuery => "one organisation-wide query of every resource's result",
        _ => "every resource's result, rule by rule and source by source",
    };

    /// <summary>A short name for a table cell.</summary>
    public static string Short(EvidenceMethod method) => method switch
    {
        EvidenceMethod.Summary => "summary",
        EvidenceMethod.BulkQuery => "bulk query",
        _ => "detail",
    };
}
