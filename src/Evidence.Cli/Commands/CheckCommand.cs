using System.CommandLine;
using Evidence.Cli.Output;
using Evidence.Core.Diagnostics;
using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Gate;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence check [workspace]</c>: the CI gate. Offline, against the evidence store: judges every control,
/// reads the findings register, and exits with one code per kind of failure (docs/exit-codes.md), writing
/// JUnit, SARIF and JSON reports on request.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var workspace = CommonOptions.Workspace();
        var asOf = CommonOptions.AsOf();
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = "Fail only on these kinds, comma-separated or repeated (default: all): " + string.Join(", ", EnumNames.All<GateKind>()) + ".",
        };
        var junit = new Option<string?>("--junit") { Description = "Also write a JUnit XML report here: one test case per control, named by citation, grouped by family." };
        var sarif = new Option<string?>("--sarif") { Description = "Also write a SARIF 2.1.0 report here: one result per failing control, at the overlay that owns it." };
        var json = new Option<string?>("--json") { Description = "Also write a JSON report here." };
        var command = new Command("check", "The CI gate: judge every control offline and exit with a code per kind of failure; JUnit, SARIF and JSON reports.")
        {
            workspace, asOf, failOn, junit, sarif, json,
        };
        command.SetAction(parse =>
        {
            var instant = AsOf.Resolve(parse.GetValue(asOf), context);
            var kinds = ParseKinds(parse.GetValue(failOn));
            var loaded = WorkspaceLoader.Load(parse.GetValue(workspace)!, verifyHashes: true, historyAsOf: instant);
            WorkspaceSession.Print(loaded.Diagnostics, context.Error);
            var result = Judge(loaded, instant, kinds);
            var exit = ExitFor(result, loaded);
            if (parse.GetValue(junit) is { } junitPath)
            {
                JUnitReport.Write(junitPath, loaded, result);
            }

            if (parse.GetValue(sarif) is { } sarifPath)
            {
                SarifReport.Write(sarifPath, result);
            }

            if (parse.GetValue(json) is { } jsonPath)
            {
                CheckJson.Write(jsonPath, loaded, result, exit);
            }

            CheckView.Write(context.Out, loaded, result, exit);
            return (int)exit;
        });
        return command;
    }

    /// <summary>The exit code of a gate result: 0, the one failing kind's code, or 1 for several.</summary>
    public static ExitCode ExitFor(GateResult result, LoadedWorkspace loaded)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Invalid && !result.FailOn.Contains(GateKind.Validation))
        {
            return WorkspaceSession.ExitFor(loaded.Diagnostics);
        }

        return result.FailedKinds switch
        {
            [] => ExitCode.Success,
            [var only] => CodeOf(only),
            _ => ExitCode.ControlsNotSatisfied,
        };
    }

    public static ExitCode CodeOf(GateKind kind) => kind switch
    {
        GateKind.NonCompliant => ExitCode.CheckNonCompliant,
        GateKind.NotCollected => ExitCode.CheckNotCollected,
        GateKind.Stale => ExitCode.CheckStale,
        GateKind.MissingDocument => ExitCode.CheckMissingDocument,
        GateKind.AttestationOverdue => ExitCode.CheckAttestationOverdue,
        GateKind.FindingOverdue => ExitCode.CheckFindingOverdue,
        GateKind.AcceptanceExpired => ExitCode.CheckAcceptanceExpired,
        _ => ExitCode.CheckValidation,
    };

    private static GateResult Judge(LoadedWorkspace loaded, DateTimeOffset instant, IReadOnlySet<GateKind> kinds)
    {
        if (loaded.HasErrors || loaded.Workspace is null)
        {
            return CheckGate.Invalid(loaded, instant, kinds);
        }

        var evaluation = Evaluator.Evaluate(loaded, instant);
        return CheckGate.Judge(loaded, evaluation, FindingsRegister.Build(loaded, instant), kinds);
    }

    private static HashSet<GateKind> ParseKinds(string[]? values)
    {
        var names = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0 || names.Contains("all"))
        {
            return [.. CheckGate.AllKinds];
        }

        var kinds = new HashSet<GateKind>();
        foreach (var name in names)
        {
            kinds.Add(EnumNames.TryParse<GateKind>(name, out var kind)
                ? kind
                : throw UserException.Usage($"--fail-on '{name}' is not a kind of failure{Suggestions.DidYouMean(name, EnumNames.All<GateKind>())}; use any of: {string.Join(", ", EnumNames.All<GateKind>())}, or all"));
        }

        return kinds;
    }
}
