using Evidence.Core.Diagnostics;

namespace Evidence.Core.Catalog;

/// <summary>A published statement of shared responsibility that the matrix rests on.</summary>
public sealed record ResponsibilitySource(string Id, string Title, string Url, SourceLocation Location);
