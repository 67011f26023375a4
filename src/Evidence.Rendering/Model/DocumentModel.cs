namespace Evidence.Rendering.Model;

/// <summary>A manual document a control expects or lists: current, stale or missing.</summary>
public sealed record DocumentModel
{
    public required string Title { get; init; }

    /// <summary>The catalog's expected-artifact id it satisfies; null for an extra document.</summary>
    public string? Artifact { get; init; }

    /// <summary><c>current</c>, <c>stale</c> or <c>missing</c>.</summary>
    public required string State { get; init; }

    /// <summary>"Current", "Stale", "Missing".</summary>
    public required string StateText { get; init; }

    public required string Message { get; init; }

    /// <summary>The document's path and hash; null when it is missing.</summary>
    public FileModel? File { get; init; }

    /// <summary>The document's effective date; null when it is missing.</summary>
    public string? Date { get; init; }

    public string? StaleSince { get; init; }
}
