namespace Evidence.Rendering.Model;

/// <summary>One row of the revision history; the author by name.</summary>
public sealed record RevisionModel(string Version, string Date, string Author, string Summary);
