using Evidence.Core.Evaluation;

namespace Evidence.Cli.Output;

/// <summary>One control an owner attests: its evaluation and where it stands in the cadence.</summary>
internal sealed record PendingControl(ControlEvaluation Evaluation, ScheduledAttestation Schedule);
