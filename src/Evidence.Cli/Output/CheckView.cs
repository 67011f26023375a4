using Evidence.Core.Gate;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>What <c>evidence check</c> prints: each failing control with every reason, then the verdict and its exit code.</summary>
internal static class CheckView
{
    public static void Write(TextWriter output, LoadedWorkspace loaded, GateResult result, ExitCode exit)
    {
        var system = loaded.Workspace?.System.Id ?? loaded.DisplayRoot;
        output.WriteLine($"evidence check: {system} as of {Timestamps.Format(result.AsOf)}, failing on {string.Join(", ", result.FailOn.Order().Select(EnumNames.ToKebab))}");
        foreach (var control in result.Controls.Where(c => c.Failed))
        {
            output.WriteLine();
            output.WriteLine($"FAIL {control.Id} {control.Evaluation.Control.Control.Title} ({control.Evaluation.Control.Control.Family}) [{string.Join(", ", control.Kinds.Select(EnumNames.ToKebab))}] {control.Location}");
            foreach (var failure in control.Failures)
            {
                output.WriteLine($"  - {EnumNames.ToKebab(failure.Kind)}: {failure.Message}");
            }
        }

        if (result.ValidationFailures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"FAIL validation: {Words.Plural(result.ValidationFailures.Count, "diagnostic")} (listed above, on standard error)");
        }

        output.WriteLine();
        if (!result.Invalid)
        {
            var judged = result.Controls.Where(c => !c.Skipped).ToList();
            output.WriteLine($"{Words.Plural(judged.Count, "control")} judged: {judged.Count(c => !c.Failed)} passed, {judged.Count(c => c.Failed)} failed; {result.Controls.Count(c => c.Skipped)} not applicable.");
        }

        var kinds = result.FailedKinds.Select(k => $"{EnumNames.ToKebab(k)} {result.Count(k)}");
        output.WriteLine(result.Passed
            ? "PASSED (exit 0)"
            : $"FAILED (exit {(int)exit}): {string.Join(", ", kinds)}");
    }
}
