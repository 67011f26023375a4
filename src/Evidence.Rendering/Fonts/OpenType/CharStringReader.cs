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
    private readonly CharStringPen pen = new();

    public void Read(int glyphId, QuadraticGlyph target)
    {
        (count, stems, widthSeen) = (0, 0, false);
        pen.Start(target);
        Run(font.CharString(glyphId), font.LocalSubrs(glyphId), 0);
        target.Close();
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
                    pen.MoveTo(At(count - 2), At(count - 1));
                    count = 0;
                    break;
                case 22:
                    Width(count > 1);
                    pen.MoveTo(At(count - 1), 0);
                    count = 0;
                    break;
                case 4:
                    Width(count > 1);
                    pen.MoveTo(0, At(count - 1));
                    count = 0;
                    break;
                case 5 or 6 or 7 or 8 or 24 or 25 or 26 or 27 or 30 or 31:
                    pen.Draw(b, stack.AsSpan(0, count));
                    count = 0;
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
                    pen.Flex(code[i++], stack.AsSpan(0, count));
                    count = 0;
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

}
