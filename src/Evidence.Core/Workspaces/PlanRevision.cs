using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Workspaces;

/// <summary>One entry of the plan's revision history; <see cref="Author"/> is a person id.</summary>
public sealed record PlanRevision(string Version, DateOnly Date, Scalar Author, string Summary, SourceLocation Location);
