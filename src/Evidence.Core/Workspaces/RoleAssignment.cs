using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Workspaces;

/// <summary>The people who hold a catalog role in this workspace.</summary>
public sealed record RoleAssignment(string Role, IReadOnlyList<Scalar> People, SourceLocation Location);
