using Evidence.Rendering.Pdf.Finishing;
using Evidence.Rendering.Pdf.Tagging;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// The position where the next thing goes, and the pages behind it. Blocks ask for room with
/// <see cref="EnsureSpace"/> and draw at <see cref="Y"/>; a new page is started when the room is not
/// there. Headings wait in a queue until the first line after them is placed, so a heading never
/// ends a page. A flow that only measures (<see cref="Measuring"/>) makes the same decisions and counts
/// the same pages without a page or a stroke of drawing: it has no <see cref="Canvas"/>, and every
/// renderer draws only on the canvas it is given.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    private readonly (PdfDocument Document, DocumentFingerprint Fingerprint)? target;
    private readonly ProgressCounter progress;
    private readonly List<PendingHeading> pending = [];
    private readonly Stack<double> indents = new();
    private XGraphics? graphics;
    private PdfPage? page;
    private bool pageOpen;
    private double pendingHeight;
    private bool breakRequested;
    private bool breakOptional;

    /// <summary>A flow that draws its pages into <paramref name="target"/>'s document, each sealed into its fingerprint; null to only measure.</summary>
    public PageFlow((PdfDocument Document, DocumentFingerprint Fingerprint)? target, PageGeometry geometry, ProgressCounter progress, StructureTagger tags)
    {
        this.target = target;
        Tags = tags;
        this.progress = progress;
        Geometry = geometry;
        Left = geometry.Left;
        Width = geometry.ContentWidth;
    }

    public PageGeometry Geometry { get; }

    /// <summary>Where the block renderers open and close the structure elements of what they draw.</summary>
    public StructureTagger Tags { get; }

    /// <summary>Whether this flow only measures: it counts pages and places headings, and draws nothing.</summary>
    public bool Measuring => target is null;

    /// <summary>What to draw the current page on; null when <see cref="Measuring"/>.</summary>
    public XGraphics? Canvas => Measuring ? null : graphics ?? throw new InvalidOperationException("No page has been started.");

    /// <summary>The current page, 0-based; -1 before the first.</summary>
    public int PageIndex { get; private set; } = -1;

    public double Y { get; set; }

    /// <summary>The left edge of content, after list indentation.</summary>
    public double Left { get; private set; }

    /// <summary>The width available to content, after list indentation.</summary>
    public double Width { get; private set; }

    public double Bottom => Geometry.BodyBottom;

    /// <summary>Nothing has been drawn on the current page's body yet.</summary>
    public bool AtPageTop => !pageOpen || Y <= Geometry.BodyTop + 0.001;

    /// <summary>Drawn at the top of every new page while set: a table's header row.</summary>
    public Action? PageStarted { get; set; }

    /// <summary>A list marker waiting for the first line of its item.</summary>
    public string? Marker { get; set; }

    /// <summary>Makes room for <paramref name="height"/> points, first placing any waiting headings with it.</summary>
    public void EnsureSpace(double height)
    {
        if (breakRequested)
        {
            breakRequested = false;
            if (!AtPageTop && (!breakOptional || KeepRules.HonoursPageBreak(Y - Geometry.BodyTop, Geometry.BodyHeight)))
            {
                NewPage();
            }
        }

        if (pending.Count > 0)
        {
            if (Y + pendingHeight + height > Bottom && !AtPageTop)
            {
                NewPage();
            }

            EnsurePage();
            var headings = pending.ToArray();
            pending.Clear();
            pendingHeight = 0;
            foreach (var heading in headings)
            {
                if (!AtPageTop)
                {
                    Y += heading.SpaceBefore;
                }

                heading.Draw(this);
            }
        }

        if (!pageOpen || (Y + height > Bottom && !AtPageTop))
        {
            NewPage();
        }
    }

    /// <summary>
    /// Starts a new page before the next thing drawn, if anything is (so a document never ends on
    /// a blank page). Headings still waiting stay on this side of the break, where they were written.
    /// </summary>
    public void RequestPageBreak() => RequestBreak(optional: false);

    /// <summary>
    /// A page break a document asks for between sections: like <see cref="RequestPageBreak"/>, unless
    /// <see cref="KeepRules.HonoursPageBreak"/> finds the page less than half full.
    /// </summary>
    public void RequestSectionBreak() => RequestBreak(optional: true);

    private void RequestBreak(bool optional)
    {
        if (pending.Count > 0)
        {
            EnsureSpace(0);
        }

        // A forced break already asked for stays forced.
        breakOptional = breakRequested ? breakOptional && optional : optional;
        breakRequested = true;
    }

    public void AddPending(PendingHeading heading)
    {
        pending.Add(heading);
        pendingHeight += heading.SpaceBefore + heading.Height;
    }

    /// <summary>Vertical space between blocks; none at the top of a page or between a waiting heading and its content.</summary>
    public void AddSpace(double points)
    {
        if (!AtPageTop && pending.Count == 0)
        {
            Y += points;
        }
    }

    public void NewPage()
    {
        ClosePage();
        if (target is { Document: var document })
        {
            page = document.AddPage();
            page.Width = XUnit.FromPoint(Geometry.Width);
            page.Height = XUnit.FromPoint(Geometry.Height);
            graphics = XGraphics.FromPdfPage(page);
        }

        pageOpen = true;
        PageIndex++;
        Y = Geometry.BodyTop;
        progress.Page();
        if (PageStarted is { } started)
        {
            // A header row repeated on a new page is pagination, not content a reader should hear twice.
            Tags.BeginArtifact();
            started();
            Tags.End();
        }
    }

    public void Indent(double points)
    {
        indents.Push(points);
        Left += points;
        Width -= points;
    }

    public void Outdent()
    {
        var points = indents.Pop();
        Left -= points;
        Width += points;
    }

    /// <summary>Places waiting headings and closes the last page.</summary>
    public void Finish()
    {
        // A break asked for at the very end would only make a blank page; waiting headings still need theirs.
        breakRequested &= pending.Count > 0;
        // Spacing after the last block may reach past the page's end: that is no reason for a blank page.
        if (pending.Count > 0 || !pageOpen)
        {
            EnsureSpace(0);
        }

        ClosePage();
    }

    public void Dispose() => graphics?.Dispose();

    private void EnsurePage()
    {
        if (!pageOpen)
        {
            NewPage();
        }
    }

    private void ClosePage()
    {
        pageOpen = false;
        if (graphics is null || page is null)
        {
            return;
        }

        Tags.PageClosing(graphics);
        graphics.Dispose();
        graphics = null;
        var index = PageIndex;
        target!.Value.Fingerprint.Seal(page, content => Tags.Content.Rewrite(content, index));
    }
}
