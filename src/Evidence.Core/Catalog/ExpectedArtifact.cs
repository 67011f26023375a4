using Evidence.Core.Diagnostics;

namespace Evidence.Core.Catalog;

/// <summary>A document an assessor expects for a control, such as the risk analysis.</summary>
public sealed record ExpectedArtifact(string Id, string Title, string Description, TimeSpan MaxAge, SourceLocation Location);
