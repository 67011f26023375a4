namespace Evidence.Rendering.Documents;

/// <summary>Metadata every writer records, and the running header and footer text.</summary>
public sealed record DocumentInfo
{
    /// <summary>"System Security Plan" or "Evidence Binder".</summary>
    public required string Title { get; init; }

    /// <summary>The system's name, printed in the page header.</summary>
    public required string SystemName { get; init; }

    /// <summary>The organization, recorded as the author.</summary>
    public required string Author { get; init; }

    public required string Subject { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The as-of instant: the document's creation and modification date, and "generated at" in the footer.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The marking printed in every page header.</summary>
    public string Marking { get; init; } = "CONFIDENTIAL";

    /// <summary>Extra properties (evidence run id, manifest SHA-256), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CustomProperties { get; init; } = [];
}
