namespace Evidence.Rendering.Model;

/// <summary>Controls counted by status.</summary>
public sealed record StatusCountsModel(int Controls, int Satisfied, int PartiallySatisfied, int NotSatisfied, int NotAssessed, int NotApplicable);
