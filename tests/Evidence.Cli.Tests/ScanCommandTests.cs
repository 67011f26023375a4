using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

public sealed class ScanCommandTests
{
    private const string Ssn = "219-09-9999";
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string Patient = "Jonah Q. Testcase";

    [Fact]
    public void TheSampleWorkspaceHasNoPersonalDataOrSecrets()
    {
        var result = CliRunner.Run("scan", CliRunner.Sample);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("no personal data or secrets found", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void PlantedValuesAreReportedByPlaceAndKindButNeverPrinted()
    {
        using var workspace = Planted();

        var result = CliRunner.Run("scan", workspace.Root);

        Assert.Equal((int)ExitCode.SensitiveDataFound, result.ExitCode);
        Assert.Contains($"{workspace.Shown("controls/notes.yaml")}:3:27: ssn (***-**-****)", result.Out, StringComparison.Ordinal);
        Assert.Contains($"{workspace.Shown("artifacts/export.md")}:2:12: aws-access-key-id (AKIA****************)", result.Out, StringComparison.Ordinal);
        Assert.Contains($"{workspace.Shown("artifacts/export.md")}:3:10: patient-name (***** *. ********)", result.Out, StringComparison.Ordinal);
        Assert.Contains("3 hits in 2 files", result.Error, StringComparison.Ordinal);
        foreach (var planted in new[] { Ssn, KeyId, Patient, "Testcase" })
        {
            Assert.DoesNotContain(planted, result.Out + result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void JsonListsEveryHitWithItsPlace()
    {
        using var workspace = Planted();

        var result = CliRunner.Run("scan", workspace.Root, "--json");

        Assert.Equal((int)ExitCode.SensitiveDataFound, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(3, json.RootElement.GetProperty("hits_total").GetInt32());
        var kinds = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["aws-access-key-id", "patient-name", "ssn"], kinds);
        Assert.DoesNotContain(Ssn, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueAllowedByItsHashIsNoLongerAHit()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Ssn)));
        using var workspace = Planted().Replace("evidence.yaml", "grace: 14d", $"grace: 14d\n  scan:\n    allow:\n      - sha256: {hash}\n        reason: a test number\n");

        var result = CliRunner.Run("scan", workspace.Root);

        Assert.Equal((int)ExitCode.SensitiveDataFound, result.ExitCode);
        Assert.DoesNotContain(": ssn (", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 hits in 1 file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkspacePatternFindsTheOrganizationsOwnIdentifiers()
    {
        using var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "grace: 14d", "grace: 14d\n  scan:\n    patterns:\n      - name: member-number\n        regex: 'ACM-[0-9]{8}'\n")
            .Write("artifacts/claims.md", "Claim for ACM-12345678 was paid.\n");

        var result = CliRunner.Run("scan", workspace.Root);

        Assert.Equal((int)ExitCode.SensitiveDataFound, result.ExitCode);
        Assert.Contains($"{workspace.Shown("artifacts/claims.md")}:1:11: member-number (***-********)", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    patterns:\n      - name: broken\n        regex: '([a-z'\n", "evidence.yaml:46:16: scan pattern 'broken' is not a valid .NET regular expression")]
    [InlineData("    ip: sometimes\n", "evidence.yaml:44:9: 'sometimes' is not a valid ip; use one of: report, ignore")]
    [InlineData("    allow:\n      - reason: no value\n", "evidence.yaml:45:9: an allowed value gives either 'value' or 'sha256'")]
    [InlineData("    workforce_domains: ['@example.org']\n", "evidence.yaml:44:25: '@example.org' is not an e-mail domain")]
    [InlineData("    patterns:\n      - name: ssn\n        regex: x\n", "evidence.yaml:45:15: scan pattern 'ssn' has the name of a built-in kind")]
    public void BadScanSettingsAreWorkspaceErrorsAtTheirPlace(string settings, string error)
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "grace: 14d", "grace: 14d\n  scan:\n" + settings);

        var result = CliRunner.Run("scan", workspace.Root);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void AnyFolderCanBeScannedWithTheBuiltInSettings()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "a.log"), $"user 203.0.113.9 wrote to x@patients.example\n");
        File.WriteAllBytes(Path.Combine(folder.Path, "b.bin"), [0, 1, 2, 3]);

        var result = CliRunner.Run("scan", folder.Path);

        Assert.Equal((int)ExitCode.SensitiveDataFound, result.ExitCode);
        Assert.Contains("a.log:1:6: ip-address (***.*.***.*)", result.Out, StringComparison.Ordinal);
        Assert.Contains("a.log:1:27: email (***@patients.example)", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 hits in 1 file of 1 scanned", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A workspace with an SSN in an overlay and an access key id and a patient's name in a document; the people's e-mail addresses are the workforce's.</summary>
    private static WorkspaceBuilder Planted() => new WorkspaceBuilder()
        .Write("controls/notes.yaml", $"controls:\n  - control: \"164.312(a)(1)\"\n    # example caller, SSN {Ssn}\n")
        .Write("artifacts/export.md", $"# Export\nkey in use {KeyId} (rotated)\nPatient: {Patient}\nOwner dana@example.org\n");
}
