using System.Buffers.Binary;

namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// One glyph outline in TrueType form: contours of on-curve points and quadratic control points.
/// Cubic curves are split into as many quadratic pieces as keep each piece within half a font unit
/// of the cubic (<see cref="Tolerance"/>; points are rounded to whole units anyway), so the drawn
/// glyph matches the original.
/// </summary>
internal sealed class QuadraticGlyph
{
    private const double Tolerance = 0.5;
    private const int MaxPieces = 16;

    private readonly List<(int X, int Y, bool On)> points = [];
    private readonly List<ushort> contourEnds = [];
    private int contourStart;
    private double lastX;
    private double lastY;

    public bool IsEmpty => contourEnds.Count == 0;

    public void Clear()
    {
        points.Clear();
        contourEnds.Clear();
        contourStart = 0;
    }

    public void MoveTo(double x, double y)
    {
        Close();
        Add(x, y, on: true);
        (lastX, lastY) = (x, y);
    }

    public void LineTo(double x, double y)
    {
        Add(x, y, on: true);
        (lastX, lastY) = (x, y);
    }

    public void CurveTo(double x1, double y1, double x2, double y2, double x3, double y3)
    {
        var (x0, y0) = (lastX, lastY);

        // The third difference bounds how far one quadratic strays from the cubic; n pieces shrink it by n³.
        var dx = x3 - (3 * x2) + (3 * x1) - x0;
        var dy = y3 - (3 * y2) + (3 * y1) - y0;
        var error = Math.Sqrt(3) / 36 * Math.Sqrt((dx * dx) + (dy * dy));
        var pieces = Math.Clamp((int)Math.Ceiling(Math.Cbrt(error / Tolerance)), 1, MaxPieces);
        for (var p = 0; p < pieces; p++)
        {
            var (t0, t1) = ((double)p / pieces, (double)(p + 1) / pieces);
            var (ax, ay) = Point(x0, y0, x1, y1, x2, y2, x3, y3, t0);
            var (bx, by) = Point(x0, y0, x1, y1, x2, y2, x3, y3, t1);
            var (d0x, d0y) = Tangent(x0, y0, x1, y1, x2, y2, x3, y3, t0);
            var (d1x, d1y) = Tangent(x0, y0, x1, y1, x2, y2, x3, y3, t1);
            var h = (t1 - t0) / 3;

            // The sub-curve's control points, and the quadratic control point that best matches both.
            var (c1x, c1y) = (ax + (d0x * h), ay + (d0y * h));
            var (c2x, c2y) = (bx - (d1x * h), by - (d1y * h));
            var qx = ((3 * (c1x + c2x)) - ax - bx) / 4;
            var qy = ((3 * (c1y + c2y)) - ay - by) / 4;
            Add(qx, qy, on: false);
            Add(bx, by, on: true);
        }

        (lastX, lastY) = (x3, y3);
    }

    /// <summary>Ends the open contour, if any; a closing point equal to the start is dropped.</summary>
    public void Close()
    {
        if (points.Count == contourStart)
        {
            return;
        }

        if (points.Count - contourStart > 1 && points[^1] == points[contourStart])
        {
            points.RemoveAt(points.Count - 1);
        }

        if (points.Count - contourStart < 2)
        {
            points.RemoveRange(contourStart, points.Count - contourStart);
            return;
        }

        contourEnds.Add((ushort)(points.Count - 1));
        contourStart = points.Count;
    }

    /// <summary>The glyph as a 'glyf' table entry (simple glyph, no instructions); empty when it has no contours.</summary>
    public byte[] Encode(out int pointCount)
    {
        pointCount = points.Count;
        if (IsEmpty)
        {
            return [];
        }

        var (xMin, yMin, xMax, yMax) = (int.MaxValue, int.MaxValue, int.MinValue, int.MinValue);
        foreach (var (x, y, _) in points)
        {
            (xMin, yMin, xMax, yMax) = (Math.Min(xMin, x), Math.Min(yMin, y), Math.Max(xMax, x), Math.Max(yMax, y));
        }

        var flags = new List<byte>(points.Count);
        var xs = new List<byte>(points.Count * 2);
        var ys = new List<byte>(points.Count * 2);
        var (px, py) = (0, 0);
        foreach (var (x, y, on) in points)
        {
            var flag = (byte)(on ? 1 : 0);
            flag |= Delta(x - px, xs, shortBit: 0x02, sameBit: 0x10);
            flag |= Delta(y - py, ys, shortBit: 0x04, sameBit: 0x20);
            flags.Add(flag);
            (px, py) = (x, y);
        }

        var size = 10 + (2 * contourEnds.Count) + 2 + flags.Count + xs.Count + ys.Count;
        var glyph = new byte[(size + 3) & ~3];
        var span = glyph.AsSpan();
        BinaryPrimitives.WriteInt16BigEndian(span, (short)contourEnds.Count);
        BinaryPrimitives.WriteInt16BigEndian(span[2..], (short)xMin);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)yMin);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)xMax);
        BinaryPrimitives.WriteInt16BigEndian(span[8..], (short)yMax);
        var at = 10;
        foreach (var end in contourEnds)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], end);
            at += 2;
        }

        at += 2; // no instructions
        foreach (var part in new[] { flags, xs, ys })
        {
            part.CopyTo(glyph, at);
            at += part.Count;
        }

        return glyph;
    }

    /// <summary>The glyph's number of contours (for the font's maxp table).</summary>
    public int Contours => contourEnds.Count;

    private static byte Delta(int delta, List<byte> bytes, byte shortBit, byte sameBit)
    {
        if (delta == 0)
        {
            return sameBit;
        }

        if (Math.Abs(delta) < 256)
        {
            bytes.Add((byte)Math.Abs(delta));
            return (byte)(shortBit | (delta > 0 ? sameBit : 0));
        }

        bytes.Add((byte)(delta >> 8));
        bytes.Add((byte)delta);
        return 0;
    }

    private void Add(double x, double y, bool on) =>
        points.Add(((int)Math.Round(x, MidpointRounding.AwayFromZero), (int)Math.Round(y, MidpointRounding.AwayFromZero), on));

    private static (double X, double Y) Point(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3, double t)
    {
        var u = 1 - t;
        var (a, b, c, d) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t);
        return ((a * x0) + (b * x1) + (c * x2) + (d * x3), (a * y0) + (b * y1) + (c * y2) + (d * y3));
    }

    private static (double X, double Y) Tangent(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3, double t)
    {
        var u = 1 - t;
        var (a, b, c) = (3 * u * u, 6 * u * t, 3 * t * t);
        return ((a * (x1 - x0)) + (b * (x2 - x1)) + (c * (x3 - x2)), (a * (y1 - y0)) + (b * (y2 - y1)) + (c * (y3 - y2)));
    }
}
