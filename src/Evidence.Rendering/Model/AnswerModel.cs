namespace Evidence.Rendering.Model;

/// <summary>One piece of evidence that answers (or would answer) a checklist item.</summary>
/// <param name="Text">What it is and how it stands, for people: "Encryption at rest standard (current, dated 2026-03-02)".</param>
/// <param name="Anchor">Where in the document it is shown in full; null when it is not shown.</param>
/// <param name="State"><c>answered</c>, <c>gap</c> or <c>not-answered</c> (named by the catalog, but not on file or not collected).</param>
public sealed record AnswerModel(string Text, string? Anchor, string State);
