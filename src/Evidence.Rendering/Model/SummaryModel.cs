namespace Evidence.Rendering.Model;

/// <summary>How many controls have each status, overall and per family.</summary>
public sealed record SummaryModel
{
    public required StatusCountsModel Total { get; init; }

    public IReadOnlyList<FamilySummaryModel> Families { get; init; } = [];
}
