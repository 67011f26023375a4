using Evidence.Core.Diagnostics;

namespace Evidence.Core.Yaml;

/// <summary>A text value read from YAML with the place it came from.</summary>
public readonly record struct Scalar(string Value, SourceLocation Location)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
