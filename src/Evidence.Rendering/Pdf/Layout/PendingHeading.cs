namespace Evidence.Rendering.Pdf.Layout;

/// <summary>A heading waiting for the content it must stay with; <see cref="Draw"/> puts it at the flow's current position.</summary>
internal sealed record PendingHeading(double SpaceBefore, double Height, Action<PageFlow> Draw);
