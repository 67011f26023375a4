using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Evidence.Core.Scanning;

/// <summary>
/// Finds personal data (PHI) and secrets in text. Built-in detectors cover the kinds in
/// <see cref="SensitiveKinds"/>; the workspace adds patterns and allows known values through
/// <see cref="ScanSettings"/>. Detectors validate what they find (check digits, numbering rules,
/// labels) so that ids, hashes, ARNs and dates in evidence are not mistaken for personal data.
/// Thread-safe; one instance serves a whole command.
/// </summary>
public sealed class Scanner(ScanSettings settings)
{
    /// <summary>A scanner with the built-in settings.</summary>
    public static Scanner Default { get; } = new(ScanSettings.Default);

    public ScanSettings Settings { get; } = settings;

    /// <summary>Every hit in <paramref name="text"/>, in order; overlapping finds keep the first (and longest).</summary>
    public IReadOnlyList<ScanHit> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new List<Candidate>();
        NumberDetectors.Scan(text, Settings, candidates);
        KeywordDetectors.Scan(text, Settings, candidates);
        foreach (var pattern in Settings.Patterns)
        {
            Extra(pattern, text, candidates);
        }

        return candidates.Count == 0 ? [] : Hits(text, candidates);
    }

    /// <summary>The text with each hit replaced by its marker (<c>[REDACTED: ssn]</c>), and the hits.</summary>
    public string Redact(string text, out IReadOnlyList<ScanHit> hits)
    {
        hits = Scan(text);
        return Replace(text, hits);
    }

    /// <summary><paramref name="text"/> with each of <paramref name="hits"/> (found in it, in order) replaced by its marker.</summary>
    public static string Replace(string text, IReadOnlyList<ScanHit> hits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var hit in hits)
        {
            builder.Append(text, at, hit.Offset - at).Append(hit.Marker);
            at = hit.Offset + hit.Length;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    private static void Extra(ScanPattern pattern, string text, List<Candidate> found)
    {
        try
        {
            foreach (var match in pattern.Regex.EnumerateMatches(text))
            {
                if (match.Length > 0)
                {
                    found.Add(new Candidate(pattern.Name, match.Index, match.Length));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            throw new ScanPatternTimeoutException(pattern);
        }
    }

    private List<ScanHit> Hits(string text, List<Candidate> candidates)
    {
        // By place, the longest first; of two finds of the same value, the one found first (OrderBy keeps their order).
        candidates = [.. candidates.OrderBy(c => c.Start).ThenByDescending(c => c.Length)];
        var hits = new List<ScanHit>();
        var end = 0;
        var line = 1;
        var lineStart = 0;
        var counted = 0;
        foreach (var candidate in candidates)
        {
            if (candidate.Start < end || Allowed(text.AsSpan(candidate.Start, candidate.Length)))
            {
                continue;
            }

            var between = text.AsSpan(counted, candidate.Start - counted);
            var newlines = between.Count('\n');
            if (newlines > 0)
            {
                line += newlines;
                lineStart = counted + between.LastIndexOf('\n') + 1;
            }

            counted = candidate.Start;
            end = candidate.End;
            var value = text.AsSpan(candidate.Start, candidate.Length);
            hits.Add(new ScanHit(candidate.Kind, candidate.Start, candidate.Length, line, candidate.Start - lineStart + 1, Masking.Preview(candidate.Kind, value)));
        }

        return hits;
    }

    private bool Allowed(ReadOnlySpan<char> value)
    {
        if (Settings.Allow.Count == 0)
        {
            return false;
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value.ToArray())));
        foreach (var allowed in Settings.Allow)
        {
            if ((allowed.Value is { } v && value.SequenceEqual(v)) || string.Equals(allowed.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
