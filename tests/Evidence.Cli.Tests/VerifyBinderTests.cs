using System.Security.Cryptography;
using Evidence.Rendering;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

public sealed class VerifyBinderTests
{
    [Fact]
    public void TheSampleBinderVerifiesAgainstItsAttachedManifest()
    {
        using var output = new TempDirectory();
        var build = CliRunner.Run("build", CliRunner.Sample, "--format", "pdf", "--only", "binder", "--output", output.Path, "--as-of", "2026-11-21T09:00:00Z");
        var binder = Directory.GetFiles(output.Path, "*.pdf").Single();

        var result = CliRunner.Run("verify", binder);

        Assert.Equal(0, build.ExitCode);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("match binder-index.json, whose SHA-256 the PDF records", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void AnEncryptedBinderVerifiesWithItsPasswordAndIsOneClearLineWithout()
    {
        using var output = new TempDirectory();
        var environment = new Dictionary<string, string> { ["BINDER_PASSWORD"] = "binder password" };
        var build = CliRunner.Run(environment, "build", CliRunner.Sample, "--format", "pdf", "--only", "binder", "--output", output.Path, "--as-of", "2026-11-21T09:00:00Z", "--pdf-password-env", "BINDER_PASSWORD");
        var binder = Directory.GetFiles(output.Path, "*.pdf").Single();

        var withPassword = CliRunner.Run(environment, "verify", binder, "--password-env", "BINDER_PASSWORD");
        var without = CliRunner.Run("verify", binder);

        Assert.Equal(0, build.ExitCode);
        Assert.True(withPassword.ExitCode == 0, withPassword.Error);
        Assert.Equal((int)ExitCode.EvidenceInvalid, without.ExitCode);
        Assert.Contains("pass --password-env", Assert.Single(without.Error.Trim().Split('\n')), StringComparison.Ordinal);
        without.AssertNoStackTrace();
    }

    [Fact]
    public void ARawFileThatDisagreesWithItsManifestFailsVerification()
    {
        using var folder = new TempDirectory();
        var raw = folder.Combine("aws-0001-1.json");
        File.WriteAllText(raw, "{\"EvaluationResults\":[]}");
        var manifest = folder.Combine("manifest.json");
        File.WriteAllText(manifest, $$"""{"items":[{"raw":[{"path":"raw/aws-0001-1.json","sha256":"{{new string('0', 64)}}"}]}]}""");
        var binder = folder.Combine("binder.pdf");
        WriteBinder(binder, (manifest, "20261120T060000Z/manifest.json"), (raw, "20261120T060000Z/raw/aws-0001-1.json"));

        var result = CliRunner.Run("verify", binder);

        Assert.Equal((int)ExitCode.EvidenceInvalid, result.ExitCode);
        Assert.Contains("20261120T060000Z/raw/aws-0001-1.json: SHA-256", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void APdfWithoutManifestsIsNotABinder()
    {
        using var folder = new TempDirectory();
        var binder = folder.Combine("plain.pdf");
        WriteBinder(binder);

        var result = CliRunner.Run("verify", binder);

        Assert.Equal((int)ExitCode.EvidenceInvalid, result.ExitCode);
        Assert.Contains("no run manifest", result.Error, StringComparison.Ordinal);
    }

    private static void WriteBinder(string path, params (string File, string Name)[] attachments)
    {
        var info = new DocumentInfo
        {
            Title = "Evidence Binder", SystemName = "Test", Author = "Test Org", Subject = "Test",
            GeneratedAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero),
        };
        var document = new Document(info, [new Paragraph([new TextRun("Attachments only.")])])
        {
            Attachments = attachments.Select(a => new Attachment(a.Name, a.File, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(a.File))), a.Name)).ToList(),
        };
        using var stream = File.Create(path);
        new PdfDocumentWriter().Write(document, stream, new RenderOptions());
    }
}
