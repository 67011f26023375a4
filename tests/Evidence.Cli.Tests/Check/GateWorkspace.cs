using System.Globalization;
using Evidence.Testing;

namespace Evidence.Cli.Tests.Check;

/// <summary>
/// Crafted workspaces for the gate: the test workspace (no overlays, no attestations, no runs, so documents
/// are missing and attestations overdue) with exactly the evidence a kind of failure needs.
/// </summary>
internal static class GateWorkspace
{
    public const string Rule = "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED";
    public const string Bucket = "acme-public-bucket";

    public static readonly DateTimeOffset Start = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    public static string Key => $"{Rule}|{WorkspaceBuilder.Account}/{WorkspaceBuilder.Region}|{Bucket}";

    /// <summary>A run at <see cref="Start"/> that finds one public bucket.</summary>
    public static WorkspaceBuilder WithPublicBucket(this WorkspaceBuilder workspace, DateTimeOffset? at = null)
    {
        new RunBuilder(workspace.Root, at ?? Start).Collected(Rule, [Bucket], compliant: 3).Write();
        return workspace;
    }

    /// <summary>A clean run at <see cref="Start"/>: the rule finds every bucket compliant.</summary>
    public static WorkspaceBuilder WithCleanRun(this WorkspaceBuilder workspace)
    {
        new RunBuilder(workspace.Root, Start).Collected(Rule, compliant: 3).Write();
        return workspace;
    }

    /// <summary>A risk acceptance for the public bucket that expired ten days after <see cref="Start"/>.</summary>
    public static WorkspaceBuilder WithExpiredAcceptance(this WorkspaceBuilder workspace) =>
        workspace.Write("findings.yaml", $"""
            findings:
              - key: "{Key}"
                acceptance:
                  approved_by: dana
                  approved_on: {Date(Start)}
                  rationale: Kept public while the last tenant moves off it.
                  expires: {Date(Start.AddDays(10))}
            """);

    /// <summary>A findings.yaml entry that matches no finding: a validation warning.</summary>
    public static WorkspaceBuilder WithStrayFindingsKey(this WorkspaceBuilder workspace) =>
        workspace.Write("findings.yaml", $"""
            findings:
              - key: "{Rule}|{WorkspaceBuilder.Account}/{WorkspaceBuilder.Region}|no-such-bucket"
                false_positive:
                  reason: The bucket serves a public website with no ePHI.
                  by: dana
                  on: {Date(Start)}
            """);

    public static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
