using Evidence.Core.Evaluation;

namespace Evidence.Web.Pages.Sources;

/// <summary>A control with cloud evidence as a row of the heat map: one cell per column, null where no evidence of it comes from that column.</summary>
internal sealed record SourceRow(ControlEvaluation Control, IReadOnlyList<SourceCell?> Cells)
{
    public SourceCell Total => Cells.Aggregate(default(SourceCell), (sum, cell) => cell is { } c ? sum.Add(c) : sum);
}
