namespace Evidence.Rendering.Model;

/// <summary>The control owner's latest attestation and whether the one due is on file.</summary>
public sealed record AttestationModel
{
    /// <summary><c>current</c>, <c>overdue</c>, <c>missing</c> or <c>not-required</c>.</summary>
    public required string State { get; init; }

    /// <summary>"Current", "Overdue", "Missing", "Not required".</summary>
    public required string StateText { get; init; }

    /// <summary>The judgment in one line; null when no attestation is required.</summary>
    public string? Message { get; init; }

    /// <summary>The latest attestation on file by the as-of instant; null when there is none.</summary>
    public string? Period { get; init; }

    /// <summary>"Implemented", "Partially implemented", "Not implemented".</summary>
    public string? Result { get; init; }

    /// <summary>The name of the person who attested.</summary>
    public string? AttestedBy { get; init; }

    public string? AttestedAt { get; init; }

    public string? Comment { get; init; }

    /// <summary>The record on file (its path under attestations/), so a reader can find it.</summary>
    public string? Record { get; init; }

    /// <summary>The record's file, hashed and attached to the binder like other evidence; null when there is none.</summary>
    public FileModel? File { get; init; }

    /// <summary>
    /// The earlier records of the same period this one corrects, newest first, each in one line
    /// ("Implemented, by Dana Whitfield on 2026-10-06 (2026-Q3/x.yaml)"); empty when it corrects nothing.
    /// </summary>
    public IReadOnlyList<string> Supersedes { get; init; } = [];
}
