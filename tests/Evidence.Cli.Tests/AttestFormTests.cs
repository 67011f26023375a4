using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Evidence.Testing;
using UglyToad.PdfPig;

namespace Evidence.Cli.Tests;

/// <summary>
/// The request form round trip: render it, fill its content controls as Word would, import it; and each
/// refusal (altered, wrong owner, wrong period, unsigned, signed by a stranger, not a form at all).
/// </summary>
public sealed class AttestFormTests
{
    private const string Issued = "2026-10-05T09:00:00Z";
    private const string Returned = "2026-10-09T16:00:00Z";
    private const string First = "164.308(a)(1)(ii)(A)";
    private const string Second = "164.312(a)(2)(iii)";

    [Fact]
    public void AFilledInWordFormImportsAsOneRecordPerAnsweredControl()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var form = Request(workspace, output);
        FormFiller.Fill(form, Answers());

        var result = CliRunner.Run("attest", "import", form, "-w", workspace.Root, "--as-of", Returned);

        Assert.True(result.ExitCode == 0, result.Error);
        var risk = File.ReadAllText(workspace.PathOf("attestations/2026-Q3/164-308-a-1-ii-A.yaml"));
        var logoff = File.ReadAllText(workspace.PathOf("attestations/2026-Q3/164-312-a-2-iii.yaml"));
        Assert.Contains("result: implemented", risk, StringComparison.Ordinal);
        Assert.Contains("comment: \"Risk analysis reviewed in September.\"", risk, StringComparison.Ordinal);
        Assert.Contains("result: partially-implemented", logoff, StringComparison.Ordinal);
        Assert.Contains("attested_by: dana", logoff, StringComparison.Ordinal);
        Assert.Contains("attested_at: 2026-10-09T16:00:00Z", logoff, StringComparison.Ordinal);
        Assert.Contains("request form acme", logoff.Replace("test-system", "acme", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("signed 2026-10-09 by Dana Whitfield: Dana Whitfield", logoff, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(workspace.PathOf("attestations/2026-Q3")).Length);
        Assert.Empty(workspace.Load().Diagnostics);
    }

    [Fact]
    public void TheWordFormIsValidOpenXmlWithTaggedContentControlsAndTheFormsRecord()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var form = Request(workspace, output);

        using var document = WordprocessingDocument.Open(form, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        var tags = document.MainDocumentPart!.Document!.Body!.Descendants<SdtElement>().Select(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value).ToList();
        Assert.Contains("evidence:result:" + Second, tags);
        Assert.Contains("evidence:comment:" + Second, tags);
        Assert.Contains("evidence:name", tags);
        Assert.Contains("evidence:date", tags);
        Assert.Contains("evidence:signature", tags);
        var dropdown = document.MainDocumentPart.Document.Body.Descendants<SdtRun>().First(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val == "evidence:result:" + Second);
        Assert.Equal(["implemented", "partially-implemented", "not-implemented"], dropdown.SdtProperties!.GetFirstChild<SdtContentDropDownList>()!.Elements<ListItem>().Select(i => i.Value!.Value));
        Assert.Contains(document.MainDocumentPart.CustomXmlParts, p => new StreamReader(p.GetStream()).ReadToEnd().Contains("urn:evidence:attestation-form:1", StringComparison.Ordinal));
        Assert.Equal(DocumentProtectionValues.Forms, document.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<DocumentProtection>()!.Edit!.Value);
    }

    [Fact]
    public void TheSameFormAsOfTheSameInstantIsTheSameBytes()
    {
        using var workspace = new WorkspaceBuilder();
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        var a = File.ReadAllBytes(Request(workspace, first));
        var b = File.ReadAllBytes(Request(workspace, second));

        Assert.Equal(a, b);
    }

    [Fact]
    public void TheSamplesWordFormListsTheOwnersControlsEvidenceAndFindings()
    {
        using var output = new TempDirectory();

        var result = CliRunner.Run("attest", "request", "-w", CliRunner.Sample, "--owner", "lena-fischer", "--format", "docx", "--output", output.Path, "--as-of", "2026-11-21T09:00:00Z");

        Assert.True(result.ExitCode == 0, result.Error);
        var path = Path.Combine(output.Path, "acme-care-platform-Attestation-lena-fischer-2026-Q4.docx");
        using var document = WordprocessingDocument.Open(path, isEditable: false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("For Lena Fischer (lena-fischer)", text, StringComparison.Ordinal);
        Assert.Contains("What it asks:", text, StringComparison.Ordinal);
        Assert.Contains("Open findings:", text, StringComparison.Ordinal);
        Assert.Contains("IAM_USER_MFA_ENABLED", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AControlPartlySatisfiedOnlyForWantOfAnAttestationSaysSoAndTheSignOffKeepsTogether()
    {
        using var output = new TempDirectory();

        var result = CliRunner.Run("attest", "request", "-w", CliRunner.Sample, "--owner", "priya-raman", "--format", "docx", "--output", output.Path, "--as-of", "2026-11-21T09:00:00Z");

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = WordprocessingDocument.Open(Path.Combine(output.Path, "acme-care-platform-Attestation-priya-raman-2026-Q4.docx"), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        // Integrity controls passes every check; what keeps it partially satisfied is the missing 2026-Q3 attestation.
        Assert.Contains("attestation: no attestation on record; 2026-Q3 was due by 2026-10-15", body.InnerText, StringComparison.Ordinal);
        var paragraphs = body.Elements<Paragraph>().ToList();
        var signOff = paragraphs.FindIndex(p => p.InnerText == "Sign-off");
        Assert.All(paragraphs.Skip(signOff + 1), p => Assert.NotNull(p.ParagraphProperties?.KeepNext));
    }

    [Fact]
    public void ThePdfFormIsAPrintableFormWithTheSameControls()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();

        var result = CliRunner.Run("attest", "request", "-w", workspace.Root, "--owner", "dana", "--format", "pdf", "--output", output.Path, "--as-of", Issued);

        Assert.True(result.ExitCode == 0, result.Error);
        using var pdf = PdfDocument.Open(Path.Combine(output.Path, "test-system-Attestation-dana-2026-Q3.pdf"));
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Attestation request: 2026-Q3", text, StringComparison.Ordinal);
        Assert.Contains(Second, text, StringComparison.Ordinal);
        Assert.Contains("Partially implemented", text, StringComparison.Ordinal);
        Assert.Contains("Signature", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AFormWhoseTextWasEditedAndItsFingerprintRecomputedIsRefusedAsNotIssuedHere()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var form = Request(workspace, output);
        FormFiller.Fill(form, Answers());
        FormFiller.Forge(form, "Automatic logoff", "Automatic logoff (not applicable to us)");

        var result = CliRunner.Run("attest", "import", form, "-w", workspace.Root, "--as-of", Returned);

        Assert.Equal((int)ExitCode.FormAltered, result.ExitCode);
        Assert.Contains("this workspace never issued a form with this text for dana and 2026-Q3 (no such form in requests/2026-Q3/dana.jsonl)", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf("attestations")));
    }

    [Fact]
    public void EachIssuedWordFormIsRecordedOnceInTheWorkspacesLedger()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();

        Request(workspace, output);
        Request(workspace, output);

        var line = Assert.Single(File.ReadAllLines(workspace.PathOf("requests/2026-Q3/dana.jsonl")));
        Assert.Contains("\"file\":\"test-system-Attestation-dana-2026-Q3.docx\"", line, StringComparison.Ordinal);
        Assert.Matches("\"content_sha256\":\"[0-9a-f]{64}\"", line);
        Assert.Empty(workspace.Load().Diagnostics);
    }

    [Fact]
    public void AFormIssuedFromAnotherCopyOfTheWorkspaceIsRefused()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var form = Request(workspace, output);
        FormFiller.Fill(form, Answers());
        Directory.Delete(workspace.PathOf("requests"), recursive: true);

        var result = CliRunner.Run("attest", "import", form, "-w", workspace.Root, "--as-of", Returned);

        Assert.Equal((int)ExitCode.FormAltered, result.ExitCode);
        Assert.Contains("never issued", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFormEditedOutsideItsFieldsIsRefusedAsAltered()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var form = Request(workspace, output);
        FormFiller.Fill(form, Answers());
        FormFiller.Edit(form, "Automatic logoff", "Automatic logoff (not applicable to us)");

        var result = CliRunner.Run("attest", "import", form, "-w", workspace.Root, "--as-of", Returned);

        Assert.Equal((int)ExitCode.FormAltered, result.ExitCode);
        Assert.Contains("refused: it was changed outside its fields", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf("attestations")));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void AFormForAnotherOwnerIsRefusedAsAMismatch()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var form = Request(workspace, output);
        FormFiller.Fill(form, Answers());

        var result = CliRunner.Run("attest", "import", form, "-w", workspace.Root, "--as-of", Returned, "--owner", "lee");

        Assert.Equal((int)ExitCode.FormMismatch, result.ExitCode);
        Assert.Contains("refused: the form was issued to dana, not lee", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFormForAnEarlierPeriodIsRefusedAsAMismatchUnlessThatPeriodIsAskedFor()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var form = Request(workspace, output);
        FormFiller.Fill(form, Answers());

        var late = CliRunner.Run("attest", "import", form, "-w", workspace.Root, "--as-of", "2027-01-20T09:00:00Z");
        var onPurpose = CliRunner.Run("attest", "import", form, "-w", workspace.Root, "--as-of", "2027-01-20T09:00:00Z", "--period", "2026-Q3");

        Assert.Equal((int)ExitCode.FormMismatch, late.ExitCode);
        Assert.Contains("refused: the form is for 2026-Q3, not 2027-Q1; pass --period 2026-Q3", late.Error, StringComparison.Ordinal);
        Assert.True(onPurpose.ExitCode == 0, onPurpose.Error);
    }

    [Fact]
    public void AnUnsignedFormIsRefusedAsIncomplete()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var form = Request(workspace, output);
        var answers = Answers();
        answers.Remove("evidence:signature");
        FormFiller.Fill(form, answers);

        var result = CliRunner.Run("attest", "import", form, "-w", workspace.Root, "--as-of", Returned);

        Assert.Equal((int)ExitCode.FormIncomplete, result.ExitCode);
        Assert.Contains("refused: it is not signed: the signature is empty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AResultWithoutItsCommentIsRefusedAsIncomplete()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var form = Request(workspace, output);
        var answers = Answers();
        answers.Remove("evidence:comment:" + Second);
        FormFiller.Fill(form, answers);

        var result = CliRunner.Run("attest", "import", form, "-w", workspace.Root, "--as-of", Returned);

        Assert.Equal((int)ExitCode.FormIncomplete, result.ExitCode);
        Assert.Contains($"{Second} is marked partially implemented without a comment", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFormSignedBySomeoneWhoMayNotAttestIsRefused()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var form = Request(workspace, output);
        var answers = Answers();
        answers["evidence:name"] = "Lee Park";
        FormFiller.Fill(form, answers);

        var result = CliRunner.Run("attest", "import", form, "-w", workspace.Root, "--as-of", Returned);

        Assert.Equal((int)ExitCode.AttestationRefused, result.ExitCode);
        Assert.Contains("lee may not attest", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AWordFileThatIsNotAFormIsRefusedAsAltered()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        var path = output.Combine("letter.docx");
        using (var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Dear compliance team")))));
        }

        var notWord = output.Combine("notes.docx");
        File.WriteAllText(notWord, "not a zip");

        var letter = CliRunner.Run("attest", "import", path, "-w", workspace.Root, "--as-of", Returned);
        var garbage = CliRunner.Run("attest", "import", notWord, "-w", workspace.Root, "--as-of", Returned);

        Assert.Equal((int)ExitCode.FormAltered, letter.ExitCode);
        Assert.Contains("it carries no Evidence form record", letter.Error, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.FormAltered, garbage.ExitCode);
        garbage.AssertNoStackTrace();
    }

    private static string Request(WorkspaceBuilder workspace, TempDirectory output)
    {
        var result = CliRunner.Run("attest", "request", "-w", workspace.Root, "--owner", "dana", "--format", "docx", "--output", output.Path, "--as-of", Issued);
        Assert.True(result.ExitCode == 0, result.Error);
        return Path.Combine(output.Path, "test-system-Attestation-dana-2026-Q3.docx");
    }

    private static Dictionary<string, string> Answers() => new()
    {
        ["evidence:result:" + First] = "Implemented",
        ["evidence:comment:" + First] = "Risk analysis reviewed in September.",
        ["evidence:result:" + Second] = "Partially implemented",
        ["evidence:comment:" + Second] = "Idle timeout is 15 minutes; the admin console is still at 60.",
        ["evidence:name"] = "Dana Whitfield",
        ["evidence:date"] = "2026-10-09",
        ["evidence:signature"] = "Dana Whitfield",
    };
}
