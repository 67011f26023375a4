using System.Buffers;
using System.Text.RegularExpressions;

namespace Evidence.Core.Scanning;

/// <summary>
/// The detectors that start at a word: a label (dob, mrn, npi, patient, password), a token's fixed prefix
/// (AKIA, eyJ, ghp_, xoxb-, -----BEGIN) or an e-mail's @. A few vectorized searches over the text find every
/// keyword; only there does a detector run, anchored at the keyword.
/// </summary>
internal static partial class KeywordDetectors
{
    private static readonly (string Keyword, Detector Detector)[] Table =
    [
        ("AKIA", CloudSecrets.AccessKey), ("ASIA", CloudSecrets.AccessKey),
        ("secret", CloudSecrets.SecretKey),
        ("session_token", CloudSecrets.SessionToken), ("sessiontoken", CloudSecrets.SessionToken), ("security_token", CloudSecrets.SessionToken),
        ("AccountKey=", CloudSecrets.StorageKey), ("SharedAccessKey=", CloudSecrets.StorageKey),
        ("sig=", CloudSecrets.Sas),
        ("-----BEGIN", Tokens.PrivateKey),
        ("eyJ", Tokens.Jwt),
        ("bearer", Tokens.Bearer),
        ("ghp_", Tokens.GitHub), ("gho_", Tokens.GitHub), ("ghu_", Tokens.GitHub), ("ghs_", Tokens.GitHub), ("ghr_", Tokens.GitHub), ("github_pat_", Tokens.GitHub),
        ("xox", Tokens.Slack),
        ("password", Tokens.Password), ("passwd", Tokens.Password), ("pwd", Tokens.Password), ("://", Tokens.UrlPassword),
        ("token=", Tokens.UrlToken), ("api_key=", Tokens.UrlToken), ("apikey=", Tokens.UrlToken), ("access_key=", Tokens.UrlToken), ("code=", Tokens.UrlToken),
        ("dob", Labels.DateOfBirth), ("d.o.b", Labels.DateOfBirth), ("date of birth", Labels.DateOfBirth), ("date_of_birth", Labels.DateOfBirth),
        ("birth", Labels.DateOfBirth), ("born", Labels.DateOfBirth),
        ("mrn", Labels.Mrn), ("medical record", Labels.Mrn), ("medical_record", Labels.Mrn),
        ("npi", Labels.Npi),
        ("patient", Labels.PatientName), ("member", Labels.PatientName), ("beneficiary", Labels.PatientName), ("subscriber", Labels.PatientName),
    ];

    // Keywords are searched in a few groups of about a dozen, each one vectorized search (Teddy) over the text: one search
    // for all forty has so many near-misses to check that it is three to four times slower over a 40 MB binder, and a
    // single-character keyword among them makes .NET fall back to a scalar Aho-Corasick, slower still. So an e-mail's
    // "@" is searched on its own. A detector's keywords stay in one group, so it runs once where two of them start.
    private const int GroupSize = 14;

    // Every detector, e-mail first then in the table's order: the order they run in where keywords of several start at
    // one place, so that of two finds of the same value the first (the one Scanner keeps) does not depend on the groups.
    private static readonly Detector[] Detectors = [Emails.Detect, .. Table.Select(t => t.Detector).Distinct()];

    private static readonly (SearchValues<string> Keywords, (string Keyword, int Detector)[] Entries)[] Groups = Group(Table);

    /// <summary>A detector tried where its keyword starts; it adds what it finds.</summary>
    internal delegate void Detector(string text, int at, ScanState state);

    /// <summary>Runs each detector wherever one of its keywords starts, in the order of the text, then of <see cref="Detectors"/>.</summary>
    public static void Scan(string text, ScanSettings settings, List<Candidate> found)
    {
        var triggers = new List<(int At, int Detector)>();
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            triggers.Add((at, 0));
        }

        foreach (var (keywords, entries) in Groups)
        {
            for (var i = 0; i < text.Length;)
            {
                var next = text.AsSpan(i).IndexOfAny(keywords);
                if (next < 0)
                {
                    break;
                }

                var at = i + next;
                var rest = text.AsSpan(at);
                var last = -1;
                foreach (var (keyword, detector) in entries)
                {
                    if (detector != last && rest.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
                    {
                        triggers.Add((at, detector));
                        last = detector;
                    }
                }

                i = at + 1;
            }
        }

        triggers.Sort();
        var state = new ScanState(settings, found);
        foreach (var (at, detector) in triggers)
        {
            Detectors[detector](text, at, state);
        }
    }

    private static (SearchValues<string>, (string, int)[])[] Group((string Keyword, Detector Detector)[] table)
    {
        var groups = new List<List<(string Keyword, int Detector)>> { new() };
        foreach (var run in table.GroupBy(t => t.Detector).Select(g => g.Select(t => (t.Keyword, Array.IndexOf(Detectors, g.Key))).ToList()))
        {
            if (groups[^1].Count + run.Count > GroupSize && groups[^1].Count > 0)
            {
                groups.Add([]);
            }

            groups[^1].AddRange(run);
        }

        return [.. groups.Select(g => (SearchValues.Create(g.Select(t => t.Keyword).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase), g.ToArray()))];
    }

    /// <summary>Runs <paramref name="regex"/> anchored at <paramref name="at"/> and adds its <c>value</c> group (or the whole match) when valid.</summary>
    internal static bool Add(Regex regex, string text, int at, string kind, List<Candidate> found, Func<string, bool>? valid = null)
    {
        var match = regex.Match(text, at);
        if (!match.Success)
        {
            return false;
        }

        var value = match.Groups["value"] is { Success: true } g ? g : match.Groups[0];
        if (valid is not null && !valid(value.Value))
        {
            return false;
        }

        found.Add(new Candidate(kind, value.Index, value.Length));
        return true;
    }

    /// <summary>True when the character before <paramref name="at"/> does not continue a word (so "dob" is not inside "adobe").</summary>
    internal static bool StartsWord(string text, int at) => at == 0 || !char.IsAsciiLetter(text[at - 1]);
}
