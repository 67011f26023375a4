namespace Evidence.Core.Diagnostics;

/// <summary>
/// Collects every problem of a run so that they are all reported together, sorted by place,
/// instead of stopping at the first.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>The category given to diagnostics added without one.</summary>
    public DiagnosticCategory DefaultCategory { get; set; } = DiagnosticCategory.Workspace;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(SourceLocation location, string message) =>
        _items.Add(new Diagnostic(location, message, DefaultCategory));

    public void Warning(SourceLocation location, string message) =>
        _items.Add(new Diagnostic(location, message, DefaultCategory, DiagnosticSeverity.Warning));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Every diagnostic, sorted by file, line and column, without duplicates.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct()
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
