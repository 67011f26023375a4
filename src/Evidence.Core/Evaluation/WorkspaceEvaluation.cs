namespace Evidence.Core.Evaluation;

/// <summary>Every control of a workspace judged as of one instant.</summary>
public sealed record WorkspaceEvaluation(DateTimeOffset AsOf, IReadOnlyList<ControlEvaluation> Controls)
{
    public ControlEvaluation? Find(string id) => Controls.FirstOrDefault(c => c.Id == id);
}
