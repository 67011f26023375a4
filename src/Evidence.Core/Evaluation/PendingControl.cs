namespace Evidence.Core.Evaluation;

/// <summary>One control an owner attests: its evaluation and where it stands in the cadence.</summary>
public sealed record PendingControl(ControlEvaluation Evaluation, ScheduledAttestation Schedule);
