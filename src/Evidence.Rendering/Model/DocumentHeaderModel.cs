namespace Evidence.Rendering.Model;

/// <summary>The <c>document</c> variable: which document the template is rendering.</summary>
/// <param name="Kind"><c>ssp</c> or <c>binder</c>.</param>
/// <param name="Title">"System Security Plan" or "Evidence Binder".</param>
public sealed record DocumentHeaderModel(string Kind, string Title);
