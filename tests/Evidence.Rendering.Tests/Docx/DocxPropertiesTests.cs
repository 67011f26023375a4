using DocumentFormat.OpenXml.CustomProperties;

namespace Evidence.Rendering.Tests.Docx;

public sealed class DocxPropertiesTests
{
    [Fact]
    public void CorePropertiesCarryTheTitleTheCreatorAndTheAsOfAsCreatedAndModified()
    {
        using var docx = DocxFile.Open(DocxFile.Write(SampleDocuments.EveryBlock(rows: 1)));
        var core = docx.PackageProperties;

        Assert.Equal("Evidence Binder", core.Title);
        Assert.Equal("Acme Health", core.Creator);
        Assert.Equal("Acme Health", core.LastModifiedBy);
        Assert.Equal("HIPAA Security Rule evidence", core.Subject);
        Assert.Equal("HIPAA; evidence", core.Keywords);
        Assert.Equal(SampleDocuments.AsOf.UtcDateTime, core.Created!.Value.ToUniversalTime());
        Assert.Equal(SampleDocuments.AsOf.UtcDateTime, core.Modified!.Value.ToUniversalTime());
    }

    [Fact]
    public void CustomPropertiesHoldTheRunIdAndTheManifestHashAsText()
    {
        using var docx = DocxFile.Open(DocxFile.Write(SampleDocuments.EveryBlock(rows: 1)));

        var properties = docx.CustomFilePropertiesPart!.Properties!.Elements<CustomDocumentProperty>()
            .Select(p => (p.Name!.Value, p.VTLPWSTR!.Text))
            .ToList();
        Assert.Equal(
        [
            ("EvidenceRunId", "20261120T060000Z"),
            ("ManifestSha256", "9f2c4e1ab3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7"),
        ], properties);
    }

    [Fact]
    public void ARepeatedCustomPropertyNameIsNumberedBecauseWordRefusesDuplicates()
    {
        var info = SampleDocuments.Info with { CustomProperties = [new("RunId", "a"), new("runid", "b")] };
        using var docx = DocxFile.Open(DocxFile.Write(new Documents.Document(info, [])));

        var names = docx.CustomFilePropertiesPart!.Properties!.Elements<CustomDocumentProperty>().Select(p => p.Name!.Value).ToList();
        Assert.Equal(["RunId", "runid (2)"], names);
    }

    [Fact]
    public void TheApplicationIsNamedAndNothingFromTheMachineIsRecorded()
    {
        using var docx = DocxFile.Open(DocxFile.Write(SampleDocuments.EveryBlock(rows: 1)));

        var app = docx.ExtendedFilePropertiesPart!.Properties!;
        Assert.Equal("Evidence", app.Application!.Text);
        Assert.Equal("Acme Health", app.Company!.Text);
    }
}
