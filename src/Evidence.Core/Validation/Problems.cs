using Evidence.Core.Diagnostics;

namespace Evidence.Core.Validation;

/// <summary>Short constructors for the diagnostics validators return.</summary>
internal static class Problems
{
    public static Diagnostic Error(SourceLocation at, string message) => new(at, message, DiagnosticCategory.Workspace);

    public static Diagnostic Warning(SourceLocation at, string message) =>
        new(at, message, DiagnosticCategory.Workspace, DiagnosticSeverity.Warning);

    public static Diagnostic CatalogError(SourceLocation at, string message) => new(at, message, DiagnosticCategory.Catalog);

    public static Diagnostic EvidenceError(SourceLocation at, string message) => new(at, message, DiagnosticCategory.Evidence);

    /// <summary>Reports the second and later occurrences of each key.</summary>
    public static IEnumerable<Diagnostic> Duplicates<T>(
        IEnumerable<T> items, Func<T, string> key, Func<T, SourceLocation> at, Func<T, SourceLocation, string> message,
        Func<SourceLocation, string, Diagnostic>? make = null)
    {
        make ??= Error;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (first.TryGetValue(key(item), out var earlier))
            {
                yield return make(at(item), message(item, earlier));
            }
            else
            {
                first[key(item)] = at(item);
            }
        }
    }
}
