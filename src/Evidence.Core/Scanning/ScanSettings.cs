namespace Evidence.Core.Scanning;

/// <summary>How the workspace tunes the scanner (<c>settings.scan</c> in evidence.yaml).</summary>
public sealed record ScanSettings
{
    /// <summary>The built-in settings: IP addresses reported, no workforce domains, no extra patterns, nothing allowed.</summary>
    public static ScanSettings Default { get; } = new();

    /// <summary>Whether IP addresses are reported (<c>settings.scan.ip</c>).</summary>
    public IpMode Ip { get; init; } = IpMode.Report;

    /// <summary>E-mail domains of the workforce (<c>settings.scan.workforce_domains</c>); their addresses are not personal data of patients.</summary>
    public IReadOnlyList<string> WorkforceDomains { get; init; } = [];

    /// <summary>The workspace's own patterns (<c>settings.scan.patterns</c>), such as a health plan's member number.</summary>
    public IReadOnlyList<ScanPattern> Patterns { get; init; } = [];

    /// <summary>Values that are known not to be sensitive (<c>settings.scan.allow</c>), each with its reason.</summary>
    public IReadOnlyList<AllowedValue> Allow { get; init; } = [];

    /// <summary>These settings with more workforce domains (the domains of the people the workspace names, say).</summary>
    public ScanSettings WithWorkforceDomains(IEnumerable<string> domains) =>
        this with { WorkforceDomains = [.. WorkforceDomains.Concat(domains).Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal)] };
}
