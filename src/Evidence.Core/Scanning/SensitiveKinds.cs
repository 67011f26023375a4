namespace Evidence.Core.Scanning;

/// <summary>
/// The names of what the scanner detects: stable, kebab-case, used in reports, markers and the
/// workspace's allow list. docs/scanning.md describes each.
/// </summary>
public static class SensitiveKinds
{
    public const string Ssn = "ssn";
    public const string Mrn = "mrn";
    public const string Npi = "npi";
    public const string Dea = "dea";
    public const string Mbi = "medicare-mbi";
    public const string DateOfBirth = "date-of-birth";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string StreetAddress = "street-address";
    public const string ZipPlus4 = "zip-plus-4";
    public const string CreditCard = "credit-card";
    public const string Iban = "iban";
    public const string IpAddress = "ip-address";
    public const string PatientName = "patient-name";

    // Kind names below spell cloud names on purpose: they are what a person reads in a report.
    public const string AccessKeyId = "aws-access-key-id";
    public const string SecretKey = "aws-secret-key";
    public const string SessionToken = "aws-session-token";
    public const string StorageKey = "azure-storage-key";
    public const string SasToken = "azure-sas-token";
    public const string PrivateKey = "private-key";
    public const string Jwt = "jwt";
    public const string BearerToken = "bearer-token";
    public const string GitHubToken = "github-token";
    public const string SlackToken = "slack-token";
    public const string Password = "password";
    public const string UrlToken = "url-token";

    /// <summary>Every built-in kind, in the order docs/scanning.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Ssn, Mrn, Npi, Dea, Mbi, DateOfBirth, PatientName, Phone, Email, StreetAddress, ZipPlus4, CreditCard, Iban, IpAddress,
        AccessKeyId, SecretKey, SessionToken, StorageKey, SasToken, PrivateKey, Jwt, BearerToken, GitHubToken, SlackToken, Password, UrlToken,
    ];

    /// <summary>The text that replaces a value of this kind when output is redacted.</summary>
    public static string Marker(string kind) => $"[REDACTED: {kind}]";
}
