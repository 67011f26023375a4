using Evidence.Core.Diagnostics;

namespace Evidence.Core.Catalog;

/// <summary>A role the catalog assigns controls to by default; a workspace maps it to people.</summary>
public sealed record OwnerRole(string Id, string Title, string Description, SourceLocation Location);
