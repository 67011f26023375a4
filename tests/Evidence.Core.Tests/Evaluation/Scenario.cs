using System.Globalization;
using Evidence.Core.Evaluation;
using Evidence.Testing;

namespace Evidence.Core.Tests.Evaluation;

/// <summary>
/// Small steps shared by the evaluation tests: tweak the test workspace, attest, and judge one control
/// as of a fixed instant. Judging first checks the workspace loads cleanly, so a broken fixture fails
/// loudly instead of quietly testing something else.
/// </summary>
internal static class Scenario
{
    /// <summary>Automatic logoff: an addressable spec with no cloud mappings and two expected documents.</summary>
    public const string Logoff = "164.312(a)(2)(iii)";

    public const string Overlays = "controls/overlays.yaml";

    public static readonly DateTimeOffset AsOf = Utc("2026-11-20T12:00:00Z");

    private const string AttestationSettings = "settings:\n  attestations:\n    cadence: quarterly\n    grace: 14d";

    private const string AzureBoundary =
        "  azure:\n    cloud: AzureCloud\n    subscriptions:\n      - id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590\n        name: prod\n";

    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Owners attest nothing, so a control is judged on its evidence alone.</summary>
    public static WorkspaceBuilder WithoutAttestations(this WorkspaceBuilder workspace) =>
        workspace.Replace("evidence.yaml", AttestationSettings, string.Empty);

    public static WorkspaceBuilder WithoutAzure(this WorkspaceBuilder workspace) =>
        workspace.Replace("evidence.yaml", AzureBoundary, string.Empty);

    public static WorkspaceBuilder MultiTenant(this WorkspaceBuilder workspace, bool multiTenant = true) =>
        workspace.Replace("evidence.yaml", "  description: A system used by the tests.\n", $"  description: A system used by the tests.\n  multi_tenant: {(multiTenant ? "true" : "false")}\n");

    /// <summary>Writes the overlay file; <paramref name="controls"/> is the YAML list under <c>controls:</c>.</summary>
    public static WorkspaceBuilder WithOverlays(this WorkspaceBuilder workspace, string controls) =>
        workspace.Write(Overlays, "controls:\n" + controls);

    public static WorkspaceBuilder Attest(
        this WorkspaceBuilder workspace, string control, string period, string attestedAt, string result = "implemented") =>
        workspace.Write($"attestations/{period}/{control.Replace('(', '-').Replace(")", string.Empty, StringComparison.Ordinal)}.yaml", $"""
            control: "{control}"
            period: {period}
            attested_by: dana
            attested_at: {attestedAt}
            result: {result}
            """);

    public static WorkspaceBuilder Run(this WorkspaceBuilder workspace, string startedAt, Func<RunBuilder, RunBuilder> items)
    {
        items(new RunBuilder(workspace.Root, Utc(startedAt))).Write();
        return workspace;
    }

    public static WorkspaceEvaluation EvaluateAll(this WorkspaceBuilder workspace, DateTimeOffset? asOf = null)
    {
        var loaded = workspace.Load();
        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        return Evaluator.Evaluate(loaded, asOf ?? AsOf);
    }

    public static ControlEvaluation Evaluate(this WorkspaceBuilder workspace, string control, DateTimeOffset? asOf = null) =>
        workspace.EvaluateAll(asOf).Find(control) ?? throw new InvalidOperationException($"{control} is not in the catalog");
}
