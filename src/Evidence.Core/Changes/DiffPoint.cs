namespace Evidence.Core.Changes;

/// <summary>One side of a comparison: a run or a period, and the instant its state is judged at.</summary>
public sealed record DiffPoint(string Label, DateTimeOffset AsOf);
