namespace Evidence.Core.Gate;

/// <summary>One reason a control fails the gate, such as one query's non-compliant resources in one account and region.</summary>
public sealed record GateFailure(GateKind Kind, string Message);
