namespace Evidence.Rendering.Model;

/// <summary>A query that only supports its control, with the reason the catalog or overlay gives.</summary>
public sealed record SupportingEvidenceModel(string Query, string? Note);
