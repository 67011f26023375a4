namespace Evidence.Rendering.Model;

/// <summary>A numbered source of the matrix.</summary>
public sealed record ResponsibilitySourceModel(int Number, string Title, string Url);
