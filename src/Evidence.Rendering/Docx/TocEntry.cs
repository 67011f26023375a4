namespace Evidence.Rendering.Docx;

/// <summary>One line of the pre-filled table of contents: a heading's level, plain text, bookmark and anchor.</summary>
internal sealed record TocEntry(int Level, string Text, string Bookmark, string Anchor);
