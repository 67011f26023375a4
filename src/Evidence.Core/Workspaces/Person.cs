using Evidence.Core.Diagnostics;

namespace Evidence.Core.Workspaces;

/// <summary>Someone who owns controls, decides or attests.</summary>
public sealed record Person(string Id, string Name, string? Title, string? Email, SourceLocation Location);
