namespace Evidence.Rendering.Forms;

/// <summary>One control's answer on a returned form: the result's value (such as <c>partially-implemented</c>) and the comment.</summary>
public sealed record ReturnedAnswer(string Citation, string Result, string Comment);
