namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>A CFF DICT: operator → operands. Two-byte operators are keyed 1200 + their second byte.</summary>
internal sealed class CffDict
{
    private readonly Dictionary<int, double[]> entries = [];

    public CffDict(ReadOnlySpan<byte> data)
    {
        var operands = new List<double>();
        var i = 0;
        while (i < data.Length)
        {
            int b = data[i];
            if (b <= 21)
            {
                var op = b == 12 ? 1200 + data[++i] : b;
                i++;
                entries[op] = [.. operands];
                operands.Clear();
            }
            else if (b == 30)
            {
                operands.Add(ReadReal(data, ref i));
            }
            else
            {
                operands.Add(ReadInteger(data, ref i));
            }
        }
    }

    public int Int(int op, int fallback = 0) => entries.TryGetValue(op, out var v) && v.Length > 0 ? (int)v[^1] : fallback;

    public double[]? Values(int op) => entries.TryGetValue(op, out var v) ? v : null;

    public bool Has(int op) => entries.ContainsKey(op);

    private static int ReadInteger(ReadOnlySpan<byte> data, ref int i)
    {
        int b0 = data[i++];
        return b0 switch
        {
            28 => (short)((data[i++] << 8) | data[i++]),
            29 => (data[i++] << 24) | (data[i++] << 16) | (data[i++] << 8) | data[i++],
            >= 32 and <= 246 => b0 - 139,
            >= 247 and <= 250 => ((b0 - 247) * 256) + data[i++] + 108,
            >= 251 and <= 254 => (-(b0 - 251) * 256) - data[i++] - 108,
            _ => throw new InvalidDataException($"The font's CFF DICT holds the reserved byte {b0}."),
        };
    }

    // A real number is packed in nibbles: digits, '.', 'E', 'E-', '-', ended by 0xF.
    private static double ReadReal(ReadOnlySpan<byte> data, ref int i)
    {
        i++;
        var text = new System.Text.StringBuilder();
        while (i < data.Length)
        {
            var b = data[i++];
            foreach (var nibble in new[] { b >> 4, b & 0xF })
            {
                switch (nibble)
                {
                    case <= 9: text.Append((char)('0' + nibble)); break;
                    case 0xA: text.Append('.'); break;
                    case 0xB: text.Append('E'); break;
                    case 0xC: text.Append("E-"); break;
                    case 0xE: text.Append('-'); break;
                    case 0xF:
                        return double.TryParse(text.ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
                }
            }
        }

        return 0;
    }
}
