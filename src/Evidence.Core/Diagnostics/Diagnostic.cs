namespace Evidence.Core.Diagnostics;

/// <summary>One problem found in the input, reported as <c>file:line:col: message</c>.</summary>
public sealed record Diagnostic(
    SourceLocation Location,
    string Message,
    DiagnosticCategory Category,
    DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <inheritdoc />
    public override string ToString() =>
        Severity == DiagnosticSeverity.Warning ? $"{Location}: warning: {Message}" : $"{Location}: {Message}";
}
