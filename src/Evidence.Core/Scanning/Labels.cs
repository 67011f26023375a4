using System.Globalization;
using System.Text.RegularExpressions;

namespace Evidence.Core.Scanning;

/// <summary>
/// Values recognised by their label rather than their shape: a date is only a date of birth after "dob" or
/// "born", a name only a patient's after "patient" or "member", a number only an MRN or NPI after its label.
/// Labels are matched as words, in prose (<c>DOB: 1980-02-29</c>), YAML/JSON keys (<c>"dob": "…"</c>) and
/// cloud tags (<c>"Key": "patient", "Value": "…"</c>).
/// </summary>
internal static partial class Labels
{
    public static void DateOfBirth(string text, int at, ScanState state)
    {
        if (KeywordDetectors.StartsWord(text, at))
        {
            KeywordDetectors.Add(BirthDate(), text, at, SensitiveKinds.DateOfBirth, state.Found, IsDate);
        }
    }

    public static void Mrn(string text, int at, ScanState state)
    {
        if (KeywordDetectors.StartsWord(text, at))
        {
            KeywordDetectors.Add(MedicalRecordNumber(), text, at, SensitiveKinds.Mrn, state.Found, v => v.Count(char.IsAsciiDigit) >= 4);
        }
    }

    public static void Npi(string text, int at, ScanState state)
    {
        if (KeywordDetectors.StartsWord(text, at))
        {
            KeywordDetectors.Add(ProviderIdentifier(), text, at, SensitiveKinds.Npi, state.Found, v => Checksums.Npi(v));
        }
    }

    public static void PatientName(string text, int at, ScanState state)
    {
        if (KeywordDetectors.StartsWord(text, at) && !KeywordDetectors.Add(NameAfterLabel(), text, at, SensitiveKinds.PatientName, state.Found))
        {
            KeywordDetectors.Add(NameInTag(), text, at, SensitiveKinds.PatientName, state.Found);
        }
    }

    private static bool IsDate(string value)
    {
        string[] formats = ["yyyy-MM-dd", "M/d/yyyy", "M/d/yy", "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyyMMdd"];
        return DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1880;
    }

    /// <summary>Between a label and its value: <c>: </c>, <c>=</c>, <c>"dob": "</c>, or a cloud tag's <c>", "Value": "</c>.</summary>
    private const string Separator = @"(?:""\s*,\s*""(?i:value)""\s*:\s*""|[""']?\s*[:=#]?\s*[""']?)";

    private const string Months = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";

    [GeneratedRegex(@"\G(?i:dob|d\.o\.b\.?|date[ _-]of[ _-]birth|birth[ _-]?date|birthday|born(?: on)?)" + Separator + @"(?<value>[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}|" + Months + @" [0-9]{1,2},? [0-9]{4}|[0-9]{1,2} " + Months + @" [0-9]{4}|[0-9]{8})(?![0-9])")]
    private static partial Regex BirthDate();

    [GeneratedRegex(@"\G(?i:mrn|medical[ _]record(?:[ _](?:number|no\.?|num|#))?)" + Separator + @"(?<value>[A-Za-z0-9][A-Za-z0-9-]{4,19})(?![A-Za-z0-9])")]
    private static partial Regex MedicalRecordNumber();

    [GeneratedRegex(@"\G(?i:npi)(?:[ _](?i:number|no\.?|#))?[""']?\s*[:=#]?\s*[""']?(?<value>[0-9]{10})(?![0-9])")]
    private static partial Regex ProviderIdentifier();

    [GeneratedRegex(@"\G(?i:patient|member|beneficiary|subscriber)(?:[ _](?i:full[ _])?(?i:name))?[""']?\s*[:=]\s*[""']?(?<value>[A-Z][a-z'-]+(?: [A-Z]\.?)?(?: [A-Z][a-z'-]+){1,2})(?![A-Za-z])")]
    private static partial Regex NameAfterLabel();

    [GeneratedRegex(@"\G(?i:patient|member|beneficiary|subscriber)[\w ]{0,20}""\s*,\s*""(?i:value)""\s*:\s*""(?<value>[A-Z][a-z'-]+(?: [A-Z]\.?)?(?: [A-Z][a-z'-]+){1,2})""")]
    private static partial Regex NameInTag();
}
