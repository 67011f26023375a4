using Evidence.Core.Scanning;

namespace Evidence.Rendering.Redaction;

/// <summary>A hit in a document's text and the heading of the section it is in (empty before the first heading).</summary>
public sealed record SectionHit(string Section, ScanHit Hit);
