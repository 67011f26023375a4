namespace Evidence.Rendering.Model;

/// <summary>One family's line in the summary table.</summary>
public sealed record FamilySummaryModel(string Name, string Section, string Anchor, StatusCountsModel Counts);
