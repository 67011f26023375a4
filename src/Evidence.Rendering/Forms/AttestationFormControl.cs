namespace Evidence.Rendering.Forms;

/// <summary>One control on a request form: what it asks and the evidence the owner attests to.</summary>
public sealed record AttestationFormControl
{
    public required string Citation { get; init; }

    public required string Title { get; init; }

    /// <summary>What the specification asks, in plain language.</summary>
    public required string Asks { get; init; }

    /// <summary>The control's status as judged now, such as "partially satisfied".</summary>
    public required string Status { get; init; }

    /// <summary>One line per piece of evidence that counts against or for the control.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>One line per open finding on the control.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>The last attestation on file, in words; null when none.</summary>
    public string? LastAttested { get; init; }
}
