using System.Text.RegularExpressions;

namespace Evidence.Core.Scanning;

/// <summary>A workspace pattern: hits of <paramref name="Regex"/> are reported as <paramref name="Name"/>.</summary>
public sealed record ScanPattern(string Name, Regex Regex);
