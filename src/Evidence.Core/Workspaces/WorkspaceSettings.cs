using Evidence.Core.Diagnostics;

namespace Evidence.Core.Workspaces;

/// <summary>Workspace-wide settings.</summary>
public sealed record WorkspaceSettings(AttestationSettings? Attestations, TimeSpan? MaxAge)
{
    /// <summary>A folder of template overrides (<c>settings.templates</c>), relative to the workspace; null for the built-in templates only.</summary>
    public string? Templates { get; init; }

    public SourceLocation TemplatesLocation { get; init; }

    /// <summary>A TrueType font file for rendered documents (<c>settings.font</c>), relative to the workspace.</summary>
    public string? Font { get; init; }

    public SourceLocation FontLocation { get; init; }

    /// <summary>How long findings of each severity may stay open (<c>settings.remediation</c>); null for the defaults.</summary>
    public Findings.RemediationDeadlines? Remediation { get; init; }

    /// <summary>People who may attest for another person or a role (<c>settings.delegates</c>).</summary>
    public IReadOnlyList<Delegation> Delegates { get; init; } = [];

    /// <summary>How the PHI and secret scanner treats this workspace (<c>settings.scan</c>).</summary>
    public Scanning.ScanSettings Scan { get; init; } = Scanning.ScanSettings.Default;

    /// <summary>
    /// The scanner for this workspace: its settings, with the e-mail domains of the people it names counted
    /// as the workforce's (their addresses are the organization's own records, not a patient's).
    /// </summary>
    public Scanning.Scanner Scanner(IEnumerable<Person> people) =>
        new(Scan.WithWorkforceDomains(people.Select(p => p.Email).OfType<string>()
            .Where(e => e.Contains('@', StringComparison.Ordinal)).Select(e => e[(e.LastIndexOf('@') + 1)..])));
}

/// <summary>When attestations are due. Absent settings mean attestations are not required.</summary>
public sealed record AttestationSettings(AttestationCadence Cadence, TimeSpan Grace)
{
    /// <summary>What applies to a control that asks for attestation (kind: attestation) when the workspace sets no cadence.</summary>
    public static AttestationSettings Default { get; } = new(AttestationCadence.Quarterly, TimeSpan.FromDays(14));
}
