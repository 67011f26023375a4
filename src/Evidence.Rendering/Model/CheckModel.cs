namespace Evidence.Rendering.Model;

/// <summary>One item of a control's assessor checklist, answered from the evidence on file or said plainly not to be.</summary>
public sealed record CheckModel
{
    /// <summary>What the assessor asks for or tests, from the catalog.</summary>
    public required string Ask { get; init; }

    /// <summary><c>answered</c>, <c>gap</c> (answered, and what answers it shows a gap) or <c>not-answered</c>.</summary>
    public required string State { get; init; }

    /// <summary>"Answered", "Answered, with a gap", "Not answered".</summary>
    public required string StateText { get; init; }

    /// <summary>Each piece of evidence the catalog names for it, found or not, in the catalog's order.</summary>
    public IReadOnlyList<AnswerModel> Answers { get; init; } = [];
}
