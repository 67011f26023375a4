using Evidence.Core.Evaluation;
using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Evaluation;

/// <summary>
/// Manual documents: each expected artifact needs a document whose date is within the artifact's
/// max_age. The control expects one document here, the session timeout standard (365d).
/// </summary>
public sealed class DocumentTests
{
    private const string Standard = "artifacts/session-timeout-standard.md";

    [Fact]
    public void AnExpectedDocumentWithNoManualEvidenceIsMissing()
    {
        using var workspace = Given(documents: string.Empty);

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.ArtifactMissing, reason.Kind);
        Assert.Equal("session-timeout-standard", reason.Subject);
        Assert.Contains("expected document missing: Session timeout standard (session-timeout-standard)", reason.Message);
    }

    [Fact]
    public void ADocumentOlderThanItsMaxAgeIsStaleSinceItsDatePlusMaxAge()
    {
        using var workspace = Given(Document("2025-10-01"));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.ArtifactStale, reason.Kind);
        Assert.Equal(Utc("2026-10-01T00:00:00Z"), reason.Since);
        Assert.Contains("dated 2025-10-01 is stale since 2026-10-01 00:00 UTC (maximum age 365d)", reason.Message);
    }

    [Fact]
    public void ADocumentWithinItsMaxAgeIsCurrent()
    {
        using var workspace = Given(Document("2026-06-01"));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.Satisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.ArtifactCurrent, reason.Kind);
        Assert.Contains("(artifacts/session-timeout-standard.md) dated 2026-06-01", reason.Message);
    }

    [Fact]
    public void TheNewestDocumentForAnArtifactIsTheOneJudged()
    {
        using var workspace = Given(Document("2025-06-01", "artifacts/session-timeout-standard-2025.md") + Document("2026-06-01"));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.Satisfied, result.Status);
        Assert.Equal(ReasonKind.ArtifactCurrent, Assert.Single(result.Reasons).Kind);
    }

    [Fact]
    public void ADocumentDatedAfterTheAsOfInstantDoesNotCount()
    {
        using var workspace = Given(Document("2026-12-01"));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ReasonKind.ArtifactMissing, Assert.Single(result.Reasons).Kind);
    }

    [Fact]
    public void ADocumentNamingAReplacedArtifactKeepsThatArtifactsMaxAge()
    {
        // Given the overlay replaces the defaults and lists the timeout configuration export, whose
        // catalog max_age is 90d, dated 142 days before the as-of instant.
        using var workspace = new WorkspaceBuilder().WithoutAttestations()
            .Write("artifacts/session-timeout-configuration.json", "{}\n")
            .WithOverlays("""
                  - control: "164.312(a)(2)(iii)"
                    replace_default_evidence: true
                    evidence:
                      - kind: manual
                        artifact: session-timeout-configuration
                        path: artifacts/session-timeout-configuration.json
                        date: 2026-07-01
                """);

        var result = workspace.Evaluate(Logoff);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.ArtifactStale, reason.Kind);
        Assert.Contains("maximum age 90d", reason.Message);
    }

    private static WorkspaceBuilder Given(string documents) =>
        new WorkspaceBuilder().WithoutAttestations()
            .Write(Standard, "# Session timeout standard\n")
            .Write("artifacts/session-timeout-standard-2025.md", "# Session timeout standard (2025)\n")
            .WithOverlays($"""
                  - control: "164.312(a)(2)(iii)"
                    exclude_evidence:
                      - query: artifact/session-timeout-configuration
                        reason: The timeout is set in code and shown by the standard itself.
                    evidence:
                {documents}
                """);

    private static string Document(string date, string path = Standard) => $"""
              - kind: manual
                artifact: session-timeout-standard
                path: {path}
                date: {date}

        """;
}
