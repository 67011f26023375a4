namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// The drawing side of a Type 2 charstring: the current point, and the line and curve operators with
/// their shorthand forms, each turned into absolute points on a <see cref="QuadraticGlyph"/>.
/// </summary>
internal sealed class CharStringPen
{
    private double x;
    private double y;
    private QuadraticGlyph glyph = null!;

    public void Start(QuadraticGlyph target) => (x, y, glyph) = (0, 0, target);

    /// <summary>Draws with operator <paramref name="op"/> (rlineto, hlineto, vlineto, rrcurveto, rcurveline, rlinecurve, vvcurveto, hhcurveto, vhcurveto, hvcurveto).</summary>
    public void Draw(int op, ReadOnlySpan<double> stack)
    {
        var count = stack.Length;
        switch (op)
        {
            case 5:
                for (var k = 0; k + 1 < count; k += 2)
                {
                    LineTo(stack[k], stack[k + 1]);
                }

                break;
            case 6 or 7:
                Alternating(stack, op == 6);
                break;
            case 8:
                for (var k = 0; k + 5 < count; k += 6)
                {
                    Curve(stack[k], stack[k + 1], stack[k + 2], stack[k + 3], stack[k + 4], stack[k + 5]);
                }

                break;
            case 24:
                {
                    var k = 0;
                    for (; k + 7 < count; k += 6)
                    {
                        Curve(stack[k], stack[k + 1], stack[k + 2], stack[k + 3], stack[k + 4], stack[k + 5]);
                    }

                    if (k + 1 < count)
                    {
                        LineTo(stack[k], stack[k + 1]);
                    }

                    break;
                }

            case 25:
                {
                    var k = 0;
                    for (; k + 7 < count; k += 2)
                    {
                        LineTo(stack[k], stack[k + 1]);
                    }

                    if (k + 5 < count)
                    {
                        Curve(stack[k], stack[k + 1], stack[k + 2], stack[k + 3], stack[k + 4], stack[k + 5]);
                    }

                    break;
                }

            case 26 or 27:
                Straight(stack, vertical: op == 26);
                break;
            case 30 or 31:
                Bent(stack, startVertical: op == 30);
                break;
        }
    }

    public void MoveTo(double dx, double dy)
    {
        glyph.Close();
        (x, y) = (x + dx, y + dy);
        glyph.MoveTo(x, y);
    }

    private void LineTo(double dx, double dy)
    {
        (x, y) = (x + dx, y + dy);
        glyph.LineTo(x, y);
    }

    private void Curve(double dx1, double dy1, double dx2, double dy2, double dx3, double dy3)
    {
        var (x1, y1) = (x + dx1, y + dy1);
        var (x2, y2) = (x1 + dx2, y1 + dy2);
        (x, y) = (x2 + dx3, y2 + dy3);
        glyph.CurveTo(x1, y1, x2, y2, x, y);
    }

    // hlineto / vlineto: lines alternating horizontal and vertical.
    private void Alternating(ReadOnlySpan<double> stack, bool horizontal)
    {
        for (var k = 0; k < stack.Length; k++, horizontal = !horizontal)
        {
            LineTo(horizontal ? stack[k] : 0, horizontal ? 0 : stack[k]);
        }
    }

    // hhcurveto / vvcurveto: curves that start and end in one direction, an odd first argument bending the start.
    private void Straight(ReadOnlySpan<double> stack, bool vertical)
    {
        var count = stack.Length;
        var k = 0;
        double d1 = 0;
        if (count % 4 == 1)
        {
            d1 = stack[k++];
        }

        for (; k + 3 < count; k += 4)
        {
            if (vertical)
            {
                Curve(d1, stack[k], stack[k + 1], stack[k + 2], 0, stack[k + 3]);
            }
            else
            {
                Curve(stack[k], d1, stack[k + 1], stack[k + 2], stack[k + 3], 0);
            }

            d1 = 0;
        }
    }

    // hvcurveto / vhcurveto: curves alternating between horizontal and vertical tangents.
    private void Bent(ReadOnlySpan<double> stack, bool startVertical)
    {
        var count = stack.Length;
        var vertical = startVertical;
        for (var k = 0; k + 3 < count; k += 4, vertical = !vertical)
        {
            var last = k + 4 == count - 1 ? stack[k + 4] : 0;
            if (vertical)
            {
                Curve(0, stack[k], stack[k + 1], stack[k + 2], stack[k + 3], last);
            }
            else
            {
                Curve(stack[k], 0, stack[k + 1], stack[k + 2], last, stack[k + 3]);
            }
        }
    }

    /// <summary>The flex operators (12 35, 34, 36, 37): two curves drawn as one, which hinting may flatten; here always curves.</summary>
    public void Flex(int op, ReadOnlySpan<double> s)
    {
        if (s.Length < (op switch { 35 => 12, 34 => 7, 36 => 9, 37 => 11, _ => 0 }))
        {
            return;
        }

        switch (op)
        {
            case 35:
                Curve(s[0], s[1], s[2], s[3], s[4], s[5]);
                Curve(s[6], s[7], s[8], s[9], s[10], s[11]);
                break;
            case 34:
                {
                    var y0 = y;
                    Curve(s[0], 0, s[1], s[2], s[3], 0);
                    Curve(s[4], 0, s[5], y0 - y, s[6], 0);
                    break;
                }

            case 36:
                {
                    var y0 = y;
                    Curve(s[0], s[1], s[2], s[3], s[4], 0);
                    Curve(s[5], 0, s[6], s[7], s[8], y0 - y - s[7]);
                    break;
                }

            case 37:
                {
                    var (x0, y0) = (x, y);
                    var dx = s[0] + s[2] + s[4] + s[6] + s[8];
                    var dy = s[1] + s[3] + s[5] + s[7] + s[9];
                    Curve(s[0], s[1], s[2], s[3], s[4], s[5]);
                    var horizontal = Math.Abs(dx) > Math.Abs(dy);
                    var (x5, y5) = (x + s[6] + s[8], y + s[7] + s[9]);
                    var last = horizontal ? (x0 + dx + s[10] - x5, y0 - y5) : (x0 - x5, y0 + dy + s[10] - y5);
                    Curve(s[6], s[7], s[8], s[9], last.Item1, last.Item2);
                    break;
                }
        }
    }
}
