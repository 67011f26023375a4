using System.Security.Cryptography;
using System.Text.Json;
using Evidence.Core.Store;
using Evidence.Testing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Evidence.Cli.Tests;

/// <summary>evidence build refuses personal data and secrets bound for its output, or redacts them with --redact.</summary>
public sealed class BuildRedactionTests
{
    private const string Ssn = "219-09-9999";
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string Patient = "Jonah Q. Testcase";
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwYXRpZW50LTc3In0.c2lnbmF0dXJlLW5vdC1yZWFsLTAxMjM0NQ";
    private const string AsOf = "2026-11-21T09:00:00Z";
    private static readonly DateTimeOffset Started = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AStatementWithAnSsnStopsTheBuildAndNamesItMasked()
    {
        using var workspace = WithStatement($"Callers verify identity with the last digits of SSN {Ssn} only.");
        using var output = new TempDirectory();

        var result = CliRunner.Run("build", workspace.Root, "--format", "md", "--output", output.Path, "--as-of", AsOf);

        Assert.Equal((int)ExitCode.SensitiveDataInOutput, result.ExitCode);
        Assert.Contains("test-system-SSP-20261121T090000Z, section \"164.312(a)(1) Access control\": ssn (***-**-****)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--redact", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Ssn, result.Out + result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output.Path));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void RedactReplacesTheValueAndListsItInAnAppendix()
    {
        using var workspace = WithStatement($"Callers verify identity with SSN {Ssn} only.");
        using var output = new TempDirectory();

        var result = CliRunner.Run("build", workspace.Root, "--format", "md,pdf", "--output", output.Path, "--as-of", AsOf, "--redact");

        Assert.True(result.ExitCode == 0, result.Error);
        // The statement is in the SSP and in the binder's summary of its control: two values.
        Assert.Contains("Redacted 2 values that looked like personal data or secrets (ssn)", result.Out, StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(output.Path, "*.md"), f => Assert.DoesNotContain(Ssn, File.ReadAllText(f), StringComparison.Ordinal));
        var ssp = File.ReadAllText(Directory.GetFiles(output.Path, "*-SSP-*.md").Single());
        Assert.Contains("with SSN \\[REDACTED: ssn\\] only", ssp, StringComparison.Ordinal);
        Assert.Contains("# Appendix: Redactions", ssp, StringComparison.Ordinal);
        Assert.Contains("| 164.312(a)(1) Access control | ssn | \\*\\*\\*-\\*\\*-\\*\\*\\*\\* |", ssp, StringComparison.Ordinal);

        Assert.All(Directory.GetFiles(output.Path, "*.pdf"), pdf => Assert.DoesNotContain(Ssn, PdfText(pdf), StringComparison.Ordinal));
        Assert.Contains("Appendix: Redactions", PdfText(Directory.GetFiles(output.Path, "*-SSP-*.pdf").Single()), StringComparison.Ordinal);
    }

    [Fact]
    public void NoPlantedValueReachesAnyOutputOfARedactedBuild()
    {
        using var workspace = WithPlantedEvidence();
        workspace.Write("controls/access.yaml", $"""
            controls:
              - control: "164.312(a)(1)"
                owner: dana
                status: implemented
                statement: "Patient: {Patient} is the test record; its SSN {Ssn} and token {Jwt} are used in staging."
            """);
        using var output = new TempDirectory();

        var result = CliRunner.Run("build", workspace.Root, "--format", "pdf,docx,md", "--output", output.Path, "--as-of", AsOf, "--redact");

        Assert.True(result.ExitCode == 0, result.Error);
        var outputs = new List<(string Where, string Text)> { ("stdout and stderr", result.Out + result.Error) };
        foreach (var file in Directory.GetFiles(output.Path))
        {
            outputs.AddRange(Path.GetExtension(file) switch
            {
                ".pdf" => [(file, PdfText(file)), .. PdfAttachments(file).Select(a => ($"{file}#{a.Key}", a.Value))],
                ".docx" => DocxParts(file),
                _ => [(file, File.ReadAllText(file))],
            });
        }

        foreach (var planted in new[] { Ssn, KeyId, Jwt, Patient })
        {
            Assert.All(outputs, o => Assert.False(o.Text.Contains(planted, StringComparison.Ordinal), $"{planted} is in {o.Where}"));
        }

        // The SSP in three formats, and the binder's redacted manifest and raw page at least.
        Assert.True(outputs.Count(o => o.Text.Contains("[REDACTED: ", StringComparison.Ordinal)) >= 5, string.Join(", ", outputs.Where(o => o.Text.Contains("[REDACTED: ", StringComparison.Ordinal)).Select(o => o.Where)));
    }

    private static string PdfText(string file)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(file);
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }

    private static List<(string Where, string Text)> DocxParts(string file)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(file);
        return archive.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return ($"{file}#{e.FullName}", reader.ReadToEnd());
        }).ToList();
    }

    [Fact]
    public void AnAttachedManifestAndRawFileAreRefusedThenRedactedAndTheBinderStillVerifies()
    {
        using var workspace = WithPlantedEvidence();
        using var output = new TempDirectory();

        var refused = CliRunner.Run("build", workspace.Root, "--format", "pdf", "--only", "binder", "--output", output.Path, "--as-of", AsOf);
        var redacted = CliRunner.Run("build", workspace.Root, "--format", "pdf", "--only", "binder", "--output", output.Path, "--as-of", AsOf, "--redact");
        var binder = Directory.GetFiles(output.Path, "*.pdf").Single();
        var verify = CliRunner.Run("verify", binder);

        Assert.Equal((int)ExitCode.SensitiveDataInOutput, refused.ExitCode);
        Assert.Contains($"{workspace.Shown("evidence/runs/20261120T060000Z/manifest.json")}:", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{workspace.Shown("evidence/runs/20261120T060000Z/raw/item-0001-1.json")}:1:65: aws-access-key-id (AKIA****************)", refused.Error, StringComparison.Ordinal);
        Assert.True(redacted.ExitCode == 0, redacted.Error);
        Assert.True(verify.ExitCode == 0, verify.Error);
        var attachments = PdfAttachments(binder);
        Assert.All(attachments, a => Assert.DoesNotContain(Ssn, a.Value, StringComparison.Ordinal));
        Assert.All(attachments, a => Assert.DoesNotContain(KeyId, a.Value, StringComparison.Ordinal));
        using var index = JsonDocument.Parse(attachments["binder-index.json"]);
        var originals = index.RootElement.GetProperty("attachments").EnumerateArray()
            .Where(e => e.TryGetProperty("original_sha256", out _)).Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Equal(["20261120T060000Z/manifest.json", "20261120T060000Z/raw/item-0001-1.json"], originals);
    }

    [Fact]
    public void AWordBinderListsItsEvidenceFilesWithoutTheirContentsSoOnlyItsTextIsScanned()
    {
        // The same planted files that refuse a PDF binder (above): Word carries their names and hashes, not their bytes.
        using var workspace = WithPlantedEvidence();
        using var output = new TempDirectory();

        var result = CliRunner.Run("build", workspace.Root, "--format", "docx,md", "--only", "binder", "--output", output.Path, "--as-of", AsOf);

        Assert.True(result.ExitCode == 0, result.Error);
        var written = Directory.GetFiles(output.Path).SelectMany(f => f.EndsWith(".docx", StringComparison.Ordinal) ? DocxParts(f) : [(f, File.ReadAllText(f))]).ToList();
        Assert.Equal(2, written.Select(w => w.Where.Split('#')[0]).Distinct().Count());
        Assert.All(written, w => Assert.DoesNotContain(KeyId, w.Text, StringComparison.Ordinal));
        Assert.All(written, w => Assert.DoesNotContain(Ssn, w.Text, StringComparison.Ordinal));
        Assert.All(written.GroupBy(w => w.Where.Split('#')[0]), file => Assert.Contains("item-0001-1.json", string.Concat(file.Select(w => w.Text)), StringComparison.Ordinal));
        Assert.DoesNotContain("Redact", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithAPdfAmongTheFormatsTheAttachedFilesAreScannedAndTheWordBinderIsRefusedWithIt()
    {
        using var workspace = WithPlantedEvidence();
        using var output = new TempDirectory();

        var result = CliRunner.Run("build", workspace.Root, "--format", "docx,pdf", "--only", "binder", "--output", output.Path, "--as-of", AsOf);

        Assert.Equal((int)ExitCode.SensitiveDataInOutput, result.ExitCode);
        Assert.Contains($"{workspace.Shown("evidence/runs/20261120T060000Z/raw/item-0001-1.json")}:1:65: aws-access-key-id (AKIA****************)", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
    }

    [Fact]
    public void AScanThatCannotFinishStopsTheBuildNamingItsPatternAndWritesNothing()
    {
        // A workspace pattern that backtracks past its time limit on the text it meets: the scan runs beside the
        // writing, and its failure must still stop the build before any document is moved into place.
        using var workspace = WithStatement("Session tokens are " + new string('a', 4000) + "c long.")
            .Replace("evidence.yaml", "  attestations:\n", "  scan:\n    patterns:\n      - name: slow\n        regex: '(a+)+b'\n        timeout_ms: 1\n  attestations:\n");
        using var output = new TempDirectory();

        var result = CliRunner.Run("build", workspace.Root, "--format", "pdf", "--output", output.Path, "--as-of", AsOf);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        Assert.StartsWith("evidence: evidence.yaml: settings.scan: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("'slow'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrote ", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
        result.AssertNoStackTrace();
    }

    private static WorkspaceBuilder WithStatement(string statement) => new WorkspaceBuilder().Write("controls/access.yaml", $"""
        controls:
          - control: "164.312(a)(1)"
            owner: dana
            status: implemented
            statement: {statement}
        """);

    /// <summary>A run whose failed item's error message carries an SSN (in the manifest) and whose raw page carries an access key id.</summary>
    private static WorkspaceBuilder WithPlantedEvidence()
    {
        var workspace = new WorkspaceBuilder();
        var run = new RunBuilder(workspace.Root, Started)
            .Failed("aws-config/IAM_USER_MFA_ENABLED", new ItemError("AccessDeniedException", $"user with SSN {Ssn} is not authorized"))
            .Write();
        var raw = Path.Combine(run, "raw", "item-0001-1.json");
        var before = Sha256(File.ReadAllBytes(raw));
        File.WriteAllText(raw, $$"""{"query":"aws-config/IAM_USER_MFA_ENABLED","page":1,"note":"key {{KeyId}} used"}""");
        var manifest = Path.Combine(run, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(before, Sha256(File.ReadAllBytes(raw)), StringComparison.Ordinal));
        return workspace;
    }

    /// <summary>Every embedded file of the PDF, by name, as text.</summary>
    private static Dictionary<string, string> PdfAttachments(string binder)
    {
        using var pdf = PdfReader.Open(binder, PdfDocumentOpenMode.Import);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (pdf.Internals.Catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/EmbeddedFiles")?.Elements.GetArray("/Names") is not { } pairs)
        {
            return files;
        }

        for (var i = 0; i + 1 < pairs.Elements.Count; i += 2)
        {
            var specification = (PdfDictionary)((PdfReference)pairs.Elements[i + 1]).Value;
            var file = specification.Elements.GetDictionary("/EF")!.Elements.GetDictionary("/F")!;
            files[pairs.Elements.GetString(i)] = System.Text.Encoding.UTF8.GetString(file.Stream.UnfilteredValue);
        }

        return files;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
