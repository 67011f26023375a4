namespace Evidence.Core.Diagnostics;

/// <summary>How serious a diagnostic is. Only errors make a command fail.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
