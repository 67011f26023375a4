using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>An attestation request form is output too: it refuses personal data and secrets, or redacts them with --redact.</summary>
public sealed class AttestRequestRedactionTests
{
    private const string Issued = "2026-10-05T09:00:00Z";
    private const string Member = "ACM-12345678";

    [Fact]
    public void AFormWithAWorkspacePatternsValueIsRefusedThenRedacted()
    {
        // The organization's own identifiers are known only to the workspace's scanner, not to the built-in redaction.
        using var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "organization: Test Org", $"organization: Test Org {Member}")
            .Replace("evidence.yaml", "grace: 14d", "grace: 14d\n  scan:\n    patterns:\n      - name: member-number\n        regex: 'ACM-[0-9]{8}'\n");
        using var output = new TempDirectory();

        var refused = CliRunner.Run("attest", "request", "-w", workspace.Root, "--owner", "dana", "--format", "docx", "--output", output.Path, "--as-of", Issued);
        var filesAfterRefusal = Directory.GetFiles(output.Path).Length;
        var redacted = CliRunner.Run("attest", "request", "-w", workspace.Root, "--owner", "dana", "--format", "docx", "--output", output.Path, "--as-of", Issued, "--redact");

        Assert.Equal((int)ExitCode.SensitiveDataInOutput, refused.ExitCode);
        Assert.Contains("test-system-Attestation-dana-2026-Q3, section \"form\": member-number (***-********)", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, filesAfterRefusal);
        Assert.True(redacted.ExitCode == 0, redacted.Error);
        Assert.Contains("Redacted 1 value that looked like personal data or secrets (member-number).", redacted.Out, StringComparison.Ordinal);
        var docx = Directory.GetFiles(output.Path, "*.docx").Single();
        using var archive = System.IO.Compression.ZipFile.OpenRead(docx);
        var body = new StreamReader(archive.GetEntry("word/document.xml")!.Open()).ReadToEnd();
        Assert.DoesNotContain(Member, body, StringComparison.Ordinal);
        Assert.Contains("[REDACTED: member-number]", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Member, refused.Out + refused.Error + redacted.Out + redacted.Error, StringComparison.Ordinal);
    }
}
