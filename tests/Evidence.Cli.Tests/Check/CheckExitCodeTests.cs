using Evidence.Testing;

namespace Evidence.Cli.Tests.Check;

/// <summary>Every exit code of <c>evidence check</c>, each from a workspace crafted to fail in that one way.</summary>
public sealed class CheckExitCodeTests
{
    public static TheoryData<string, int> Kinds() => new()
    {
        { "non-compliant", 20 },
        { "not-collected", 21 },
        { "stale", 22 },
        { "missing-document", 23 },
        { "attestation-overdue", 24 },
        { "finding-overdue", 25 },
        { "acceptance-expired", 26 },
        { "validation", 27 },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void AKindThatIsTheOnlyFailureExitsWithItsOwnCode(string kind, int code)
    {
        using var workspace = new WorkspaceBuilder();
        var asOf = Craft(workspace, kind);

        var result = CliRunner.Run("check", workspace.Root, "--fail-on", kind, "--as-of", GateWorkspace.Instant(asOf));

        Assert.Equal(code, result.ExitCode);
        Assert.Equal(code, (int)Commands.CheckCommand.CodeOf(Enum.Parse<Core.Gate.GateKind>(kind.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true)));
        Assert.Contains($"FAILED (exit {code}): {kind} ", result.Out, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Theory]
    [InlineData("non-compliant")]
    [InlineData("stale")]
    [InlineData("finding-overdue")]
    [InlineData("acceptance-expired")]
    [InlineData("validation")]
    public void AWorkspaceWithoutThatKindOfFailurePassesAGateOnIt(string kind)
    {
        using var workspace = new WorkspaceBuilder().WithCleanRun();

        var result = CliRunner.Run("check", workspace.Root, "--fail-on", kind, "--as-of", GateWorkspace.Instant(GateWorkspace.Start.AddDays(1)));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PASSED (exit 0)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void FailuresOfSeveralKindsExitWithOne()
    {
        using var workspace = new WorkspaceBuilder().WithPublicBucket();

        var all = CliRunner.Run("check", workspace.Root, "--as-of", GateWorkspace.Instant(GateWorkspace.Start.AddDays(1)));
        var two = CliRunner.Run("check", workspace.Root, "--fail-on", "non-compliant,missing-document", "--as-of", GateWorkspace.Instant(GateWorkspace.Start.AddDays(1)));
        var repeated = CliRunner.Run("check", workspace.Root, "--fail-on", "non-compliant", "--fail-on", "missing-document", "--as-of", GateWorkspace.Instant(GateWorkspace.Start.AddDays(1)));

        Assert.Equal((int)ExitCode.ControlsNotSatisfied, all.ExitCode);
        Assert.Equal(1, two.ExitCode);
        Assert.Equal(1, repeated.ExitCode);
        Assert.Contains("FAILED (exit 1): non-compliant ", two.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidWorkspaceFailsTheValidationGateAndOtherwiseExitsWithTheWorkspaceCode()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "catalog: builtin", "catalog: builtin\ncatalgo: builtin");
        var location = workspace.Locate("evidence.yaml", "catalgo");

        var gated = CliRunner.Run("check", workspace.Root);
        var ungated = CliRunner.Run("check", workspace.Root, "--fail-on", "stale");

        Assert.Equal((int)ExitCode.CheckValidation, gated.ExitCode);
        Assert.Equal((int)ExitCode.WorkspaceInvalid, ungated.ExitCode);
        Assert.StartsWith($"{location}: ", gated.Error, StringComparison.Ordinal);
        gated.AssertNoStackTrace();
        ungated.AssertNoStackTrace();
    }

    [Fact]
    public void AnUnknownKindIsAUsageErrorWithASuggestion()
    {
        var result = CliRunner.Run("check", CliRunner.Sample, "--fail-on", "stail");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("did you mean 'stale'", result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    /// <summary>Writes what the kind needs and returns the instant to judge at.</summary>
    private static DateTimeOffset Craft(WorkspaceBuilder workspace, string kind)
    {
        var soon = GateWorkspace.Start.AddDays(1);
        switch (kind)
        {
            case "non-compliant":
                workspace.WithPublicBucket();
                return soon;
            case "stale":
                workspace.WithCleanRun();
                return GateWorkspace.Start.AddDays(400);
            case "finding-overdue":
                workspace.WithPublicBucket();
                return GateWorkspace.Start.AddDays(400);
            case "acceptance-expired":
                workspace.WithPublicBucket().WithExpiredAcceptance();
                return GateWorkspace.Start.AddDays(12);
            case "validation":
                workspace.WithCleanRun().WithStrayFindingsKey();
                return soon;
            default:
                // No runs, overlays or attestations: never collected, documents missing, attestations overdue.
                return soon;
        }
    }
}
