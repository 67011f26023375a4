using System.Text.RegularExpressions;

namespace Evidence.Core.Scanning;

/// <summary>
/// The detectors of numbers and identifiers made of letters and digits: SSN, phone, ZIP+4, credit card,
/// IPv4/IPv6, street address, DEA, MBI and IBAN. One pass jumps from digit to digit (a vectorized search),
/// looks at the word around it once, and tries only the patterns whose shape fits that word, each
/// anchored where the word starts; a word that is part of a longer one (a hash, an ARN, a UUID) is skipped whole.
/// </summary>
internal static partial class NumberDetectors
{
    public static void Scan(string text, ScanSettings settings, List<Candidate> found)
    {
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                return;
            }

            var start = i + next;
            while (start > i && Text.IsWord(text[start - 1]))
            {
                start--;
            }

            var end = i + next;
            while (end < text.Length && Text.IsWord(text[end]))
            {
                end++;
            }

            i = Math.Max(end, Examine(text, start, end, settings, found));
        }
    }

    /// <summary>Tries the word <c>text[start..end]</c>; returns where the scan goes on (past a match that spans several words).</summary>
    private static int Examine(string text, int start, int end, ScanSettings settings, List<Candidate> found)
    {
        var word = text.AsSpan(start, end - start);
        if (end < text.Length && text[end] == ':' && word.Length <= 4 && settings.Ip == IpMode.Report && IpAddresses.IsHex(word))
        {
            if (Try(Ipv6(), text, start, SensitiveKinds.IpAddress, found, m => IpAddresses.Reportable(m.Value, text, m.Index + m.Length)) is { } past)
            {
                return past;
            }
        }

        if (!char.IsAsciiDigit(word[0]))
        {
            if (word.Length == 9 && Checksums.Dea(word))
            {
                found.Add(new Candidate(SensitiveKinds.Dea, start, 9));
            }
            else if (word.Length >= 4 && char.IsAsciiLetterUpper(word[0]) && char.IsAsciiLetterUpper(word[1]) && char.IsAsciiDigit(word[2]) && char.IsAsciiDigit(word[3]))
            {
                return Try(Iban(), text, start, SensitiveKinds.Iban, found, m => Checksums.Iban(m.ValueSpan)) ?? end;
            }

            return end;
        }

        if (word.Length == 11 && Checksums.Mbi(word))
        {
            found.Add(new Candidate(SensitiveKinds.Mbi, start, 11));
            return end;
        }

        if (word.ContainsAnyExceptInRange('0', '9') || ContinuesANumber(text, start))
        {
            return end;
        }

        var after = end < text.Length ? text[end] : '\0';
        var before = start > 0 ? text[start - 1] : '\0';
        int? result = null;
        if (word.Length == 3 && after is '-' or ' ')
        {
            result = Try(Ssn(), text, start, SensitiveKinds.Ssn, found, m => Checksums.Ssn(Number(m, 1), Number(m, 3), Number(m, 4)));
        }

        if (result is null && ((word.Length == 3 && (after is '-' or '.' or ' ' || (after == ')' && before == '('))) || (word is "1" && after is '-' or '.' or ' ' or '(')))
        {
            var from = before is '(' or '+' ? start - 1 : start;
            result = Try(Phone(), text, from, SensitiveKinds.Phone, found, _ => true);
        }

        if (result is null && word.Length == 5 && after == '-')
        {
            result = Try(ZipPlus4(), text, start, SensitiveKinds.ZipPlus4, found, _ => true);
        }

        if (result is null && ((word.Length == 4 && after is ' ' or '-') || word.Length is >= 13 and <= 19))
        {
            result = Try(Card(), text, start, SensitiveKinds.CreditCard, found, m => IsCard(m.ValueSpan));
        }

        if (result is null && word.Length <= 3 && after == '.' && settings.Ip == IpMode.Report)
        {
            result = Try(Ipv4(), text, start, SensitiveKinds.IpAddress, found, m => IpAddresses.Reportable(m.Value, text, m.Index + m.Length));
        }

        if (result is null && word.Length <= 6 && after == ' ')
        {
            result = Try(StreetAddress(), text, start, SensitiveKinds.StreetAddress, found, _ => true);
        }

        return result ?? end;
    }

    /// <summary>True when the word follows a digit and a separator: the tail of a date, a version or a longer number.</summary>
    private static bool ContinuesANumber(string text, int start) =>
        start >= 2 && text[start - 1] is '-' or '.' or '/' or ':' or ',' && char.IsAsciiDigit(text[start - 2]);

    private static int? Try(Regex regex, string text, int at, string kind, List<Candidate> found, Func<Match, bool> valid)
    {
        var match = regex.Match(text, at);
        if (!match.Success || !valid(match))
        {
            return null;
        }

        found.Add(new Candidate(kind, match.Index, match.Length));
        return match.Index + match.Length;
    }

    private static int Number(Match match, int group) => int.Parse(match.Groups[group].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>13 to 19 digits that pass the Luhn check and start like a card scheme's numbers.</summary>
    private static bool IsCard(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c;
            }
        }

        digits = digits[..n];
        var scheme = digits[0] == '4'
            || (digits[0] == '5' && digits[1] is >= '1' and <= '5')
            || (digits[0] == '2' && digits[1] is >= '2' and <= '7')
            || (digits[0] == '3' && digits[1] is '4' or '7')
            || digits.StartsWith("6011") || digits.StartsWith("65");
        return n is >= 13 and <= 19 && scheme && Checksums.Luhn(digits);
    }

    [GeneratedRegex(@"\G([0-9]{3})([- ])([0-9]{2})\2([0-9]{4})(?![\w]|[-.][0-9])")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"\G(?:\+?1[-. ]?)?(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[-. ])[2-9][0-9]{2}[-. ][0-9]{4}(?![\w]|[-.][0-9])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\G[0-9]{5}-[0-9]{4}(?![\w]|[-.][0-9])")]
    private static partial Regex ZipPlus4();

    [GeneratedRegex(@"\G(?:[0-9]{13,19}|[0-9]{4}([ -])[0-9]{4,6}\1[0-9]{4,5}(?:\1[0-9]{1,4})?)(?![\w]|[-.][0-9])")]
    private static partial Regex Card();

    [GeneratedRegex(@"\G(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}(?!\w|\.[0-9])")]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"\G[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")]
    private static partial Regex Ipv6();

    [GeneratedRegex(@"\G[0-9]{1,6} (?:[NSEW]\.? )?(?:[A-Z][a-z]+ ){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Parkway|Pkwy|Highway|Hwy)\b")]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"\G[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![\w])")]
    private static partial Regex Iban();
}
