namespace Evidence.Core.Scanning;

/// <summary>
/// One piece of personal data or one secret found in a text. It carries where it is and a masked preview,
/// never the value: a hit is printed, logged and written to reports, and must leak nothing itself.
/// </summary>
/// <param name="Kind">What was found, one of <see cref="SensitiveKinds"/> or the name of a workspace pattern.</param>
/// <param name="Offset">Where the value starts in the scanned text (UTF-16 code units).</param>
/// <param name="Length">How long the value is (UTF-16 code units).</param>
/// <param name="Line">1-based line of the value's first character.</param>
/// <param name="Column">1-based column of the value's first character.</param>
/// <param name="Preview">The value's shape with its characters masked, such as <c>***-**-****</c>.</param>
public sealed record ScanHit(string Kind, int Offset, int Length, int Line, int Column, string Preview)
{
    /// <summary>The marker that replaces the value in redacted text, such as <c>[REDACTED: ssn]</c>.</summary>
    public string Marker => SensitiveKinds.Marker(Kind);
}
