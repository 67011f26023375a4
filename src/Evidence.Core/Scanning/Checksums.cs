namespace Evidence.Core.Scanning;

/// <summary>The check digits and numbering rules that turn a look-alike number into a likely real one.</summary>
internal static class Checksums
{
    /// <summary>The Luhn (mod 10) check over the digits of <paramref name="text"/>, separators skipped.</summary>
    public static bool Luhn(ReadOnlySpan<char> text)
    {
        var sum = 0;
        var doubled = false;
        var digits = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var d = c - '0';
            if (doubled)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
            doubled = !doubled;
            digits++;
        }

        return digits > 1 && sum % 10 == 0;
    }

    /// <summary>Social Security number rules: no area 000, 666 or 900-999, no group 00, no serial 0000.</summary>
    public static bool Ssn(int area, int group, int serial) =>
        area is > 0 and not 666 and < 900 && group > 0 && serial > 0;

    /// <summary>A National Provider Identifier: ten digits starting with 1 or 2 whose Luhn check includes the 80840 prefix.</summary>
    public static bool Npi(ReadOnlySpan<char> digits) =>
        digits.Length == 10 && digits[0] is '1' or '2' && Luhn(string.Concat("80840", digits));

    /// <summary>A DEA registration number: two letters and seven digits, the last a check digit.</summary>
    public static bool Dea(ReadOnlySpan<char> value)
    {
        if (value.Length != 9 || !"ABCDEFGHJKLMPRSTUX".Contains(value[0]) || !(char.IsAsciiLetterUpper(value[1]) || value[1] == '9'))
        {
            return false;
        }

        for (var i = 2; i < 9; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        var sum = value[2] + value[4] + value[6] + (2 * (value[3] + value[5] + value[7])) - (9 * '0');
        return sum % 10 == value[8] - '0';
    }

    /// <summary>
    /// A Medicare Beneficiary Identifier: 11 characters, C A AN N A AN N A A N N, where C is 1-9, N a digit,
    /// A a letter other than S, L, O, I, B, Z, and AN either.
    /// </summary>
    public static bool Mbi(ReadOnlySpan<char> value)
    {
        const string shape = "CAXNAXNAANN";
        if (value.Length != 11)
        {
            return false;
        }

        for (var i = 0; i < 11; i++)
        {
            var c = value[i];
            var ok = shape[i] switch
            {
                'C' => c is >= '1' and <= '9',
                'N' => char.IsAsciiDigit(c),
                'A' => MbiLetter(c),
                _ => char.IsAsciiDigit(c) || MbiLetter(c),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An IBAN (spaces allowed) whose check digits give 1 modulo 97.</summary>
    public static bool Iban(ReadOnlySpan<char> value)
    {
        Span<char> compact = stackalloc char[40];
        var n = 0;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                continue;
            }

            if (n == compact.Length || !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            compact[n++] = char.ToUpperInvariant(c);
        }

        if (n is < 15 or > 34)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < n; i++)
        {
            var c = compact[(i + 4) % n];
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder == 1;
    }

    private static bool MbiLetter(char c) => char.IsAsciiLetterUpper(c) && c is not ('S' or 'L' or 'O' or 'I' or 'B' or 'Z');
}
