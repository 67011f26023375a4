using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Findings;

/// <summary>Why a finding is not a real violation, and who says so.</summary>
public sealed record FalsePositive(string Reason, Scalar By, DateOnly? On, SourceLocation Location);
