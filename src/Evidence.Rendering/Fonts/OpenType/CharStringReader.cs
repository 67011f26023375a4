namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// Runs a Type 2 charstring (the CFF glyph program) and hands its outline, as lines and cubic
/// curves, to a <see cref="QuadraticGlyph"/>. Hints are counted (hintmask needs the number of
/// stems) and otherwise ignored; a PDF reader does not need them.
/// </summary>
internal sealed class CharStringReader(CffFont font)
{
    private const int MaxDepth = 10;

    private readonly double[] stack = new double[48];
    private int count;
    private int stems;
    private bool widthSeen;
    private double x;
    private double y;
    private QuadraticGlyph glyph = null!;

    public void Read(int glyphId, QuadraticGlyph target)
    {
        (count, stems, widthSeen, x, y, glyph) = (0, 0, false, 0, 0, target);
        Run(font.CharString(glyphId), font.LocalSubrs(glyphId), 0);
        glyph.Close();
    }

    // Returns true at endchar, which ends the whole glyph from inside any subroutine.
    private bool Run(ReadOnlySpan<byte> code, CffIndex local, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("The font's charstring subroutines nest too deeply.");
        }

        var i = 0;
        while (i < code.Length)
        {
            int b = code[i++];
            if (b >= 32 || b == 28)
            {
                Push(b == 28 ? (short)((code[i++] << 8) | code[i++]) : b switch
                {
                    <= 246 => b - 139,
                    <= 250 => ((b - 247) * 256) + code[i++] + 108,
                    <= 254 => (-(b - 251) * 256) - code[i++] - 108,
                    _ => ((code[i++] << 24) | (code[i++] << 16) | (code[i++] << 8) | code[i++]) / 65536.0,
                });
                continue;
            }

            switch (b)
            {
                case 1 or 3 or 18 or 23:
                    Width(count % 2 == 1);
                    stems += count / 2;
                    count = 0;
                    break;
                case 19 or 20:
                    Width(count % 2 == 1);
                    stems += count / 2;
                    count = 0;
                    i += (stems + 7) / 8;
                    break;
                case 21:
                    Width(count > 2);
                    MoveTo(At(count - 2), At(count - 1));
                    break;
                case 22:
                    Width(count > 1);
                    MoveTo(At(count - 1), 0);
                    break;
                case 4:
                    Width(count > 1);
                    MoveTo(0, At(count - 1));
                    break;
                case 5:
                    for (var k = 0; k + 1 < count; k += 2)
                    {
                        LineTo(stack[k], stack[k + 1]);
                    }

                    count = 0;
                    break;
                case 6 or 7:
                    Alternating(b == 6);
                    break;
                case 8:
                    for (var k = 0; k + 5 < count; k += 6)
                    {
                        Curve(stack[k], stack[k + 1], stack[k + 2], stack[k + 3], stack[k + 4], stack[k + 5]);
                    }

                    count = 0;
                    break;
                case 24:
                    {
                        var k = 0;
                        for (; k + 7 < count; k += 6)
                        {
                            Curve(stack[k], stack[k + 1], stack[k + 2], stack[k + 3], stack[k + 4], stack[k + 5]);
                        }

                        LineTo(stack[k], stack[k + 1]);
                        count = 0;
                        break;
                    }

                case 25:
                    {
                        var k = 0;
                        for (; k + 7 < count; k += 2)
                        {
                            LineTo(stack[k], stack[k + 1]);
                        }

                        Curve(stack[k], stack[k + 1], stack[k + 2], stack[k + 3], stack[k + 4], stack[k + 5]);
                        count = 0;
                        break;
                    }

                case 26 or 27:
                    Straight(vertical: b == 26);
                    break;
                case 30 or 31:
                    Bent(startVertical: b == 30);
                    break;
                case 10 or 29:
                    {
                        var subrs = b == 10 ? local : font.GlobalSubrs;
                        var index = (int)stack[--count] + subrs.SubrBias;
                        if (index < 0 || index >= subrs.Count)
                        {
                            throw new InvalidDataException("A charstring of the font calls a subroutine it does not have.");
                        }

                        if (Run(subrs[index], local, depth + 1))
                        {
                            return true;
                        }

                        break;
                    }

                case 11:
                    return false;
                case 14:
                    Width(count % 2 == 1);
                    return true;
                case 12:
                    Flex(code[i++]);
                    break;
                default:
                    count = 0;
                    break;
            }
        }

        return false;
    }

    private void Push(double value)
    {
        if (count == stack.Length)
        {
            throw new InvalidDataException("A charstring of the font overflows its argument stack.");
        }

        stack[count++] = value;
    }

    // The first stack-clearing operator may carry the advance width below its arguments: dropped, hmtx has it.
    private void Width(bool present)
    {
        if (!widthSeen && present)
        {
            Array.Copy(stack, 1, stack, 0, --count);
        }

        widthSeen = true;
    }

    private double At(int k) => k >= 0 ? stack[k] : 0;

    private void MoveTo(double dx, double dy)
    {
        count = 0;
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
    private void Alternating(bool horizontal)
    {
        for (var k = 0; k < count; k++, horizontal = !horizontal)
        {
            LineTo(horizontal ? stack[k] : 0, horizontal ? 0 : stack[k]);
        }

        count = 0;
    }

    // hhcurveto / vvcurveto: curves that start and end in one direction, an odd first argument bending the start.
    private void Straight(bool vertical)
    {
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

        count = 0;
    }

    // hvcurveto / vhcurveto: curves alternating between horizontal and vertical tangents.
    private void Bent(bool startVertical)
    {
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

        count = 0;
    }

    private void Flex(int op)
    {
        var s = stack;
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

        count = 0;
    }
}
