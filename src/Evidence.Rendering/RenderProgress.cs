namespace Evidence.Rendering;

/// <summary>How far a writer has come: blocks written, table rows written, pages laid out (PDF).</summary>
public readonly record struct RenderProgress(int Blocks, long Rows, int Pages);
