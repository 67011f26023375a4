namespace Evidence.Rendering;

/// <summary>What each document is called, which template renders it, and how its file is named.</summary>
public static class DocumentKinds
{
    /// <summary>The template that renders the document: <c>ssp.md.scriban</c> or <c>binder.md.scriban</c>.</summary>
    public static string Template(DocumentKind kind) => kind == DocumentKind.Ssp ? "ssp.md.scriban" : "binder.md.scriban";

    /// <summary>"System Security Plan" or "Evidence Binder".</summary>
    public static string Title(DocumentKind kind) => kind == DocumentKind.Ssp ? "System Security Plan" : "Evidence Binder";

    /// <summary>The word in the file name: <c>SSP</c> or <c>Binder</c>.</summary>
    public static string FileLabel(DocumentKind kind) => kind == DocumentKind.Ssp ? "SSP" : "Binder";

    /// <summary><c>acme-care-platform-SSP-20261121T090000Z.pdf</c>.</summary>
    public static string FileName(DocumentKind kind, string systemId, string stamp, string extension) =>
        $"{systemId}-{FileLabel(kind)}-{stamp}.{extension}";
}
