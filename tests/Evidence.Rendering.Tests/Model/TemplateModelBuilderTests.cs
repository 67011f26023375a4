using System.Security.Cryptography;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Model;
using Evidence.Rendering.Rows;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Model;

public sealed class TemplateModelBuilderTests
{
    private static TemplateModel Model => SampleBuild.Model;

    [Fact]
    public void TheSummaryCountsEveryControlOnceByStatus()
    {
        Assert.Equal(new StatusCountsModel(68, 40, 20, 1, 0, 7), Model.Summary.Total);
        Assert.Equal(68, Model.Controls.Count);
        Assert.Equal(["Administrative", "Physical", "Technical", "Organizational", "Policies and Documentation"], Model.Families.Select(f => f.Name));
        Assert.Equal(68, Model.Families.Sum(f => f.Standards.Count + f.Standards.Sum(s => s.Specifications.Count)));
    }

    [Fact]
    public void TheSystemBoundaryAndPeopleComeFromTheWorkspace()
    {
        Assert.Equal("acme-care-platform", Model.System.Id);
        Assert.Equal("2026-11-21T09:00:00Z", Model.AsOf);
        Assert.Equal("20261121T090000Z", Model.Stamp);
        var aws = (IReadOnlyDictionary<string, object?>)Model.Boundary["aws"]!;
        var accounts = (IEnumerable<Dictionary<string, object?>>)aws["accounts"]!;
        Assert.Equal(["210987654321", "345678901234"], accounts.Select(a => a["id"]));
        Assert.Equal("acme-org-hipaa", ((IReadOnlyDictionary<string, object?>)aws["aggregator"]!)["name"]);
        var azure = (IReadOnlyDictionary<string, object?>)Model.Boundary["azure"]!;
        Assert.Equal("acme-analytics-prod", ((IEnumerable<Dictionary<string, object?>>)azure["subscriptions"]!).Single()["name"]);
        var priya = Model.People.Single(p => p.Id == "priya-raman");
        Assert.Contains("164.312(a)(2)(iv)", priya.Controls.Select(c => c.Id));
        Assert.Contains("Cloud platform engineering", priya.Roles);
        Assert.Equal(["Dana Whitfield, Chief Information Security Officer"], Model.DocumentControl.Owners);
    }

    [Fact]
    public void AControlCarriesItsDesignationOwnerStatementDecisionAndAttestation()
    {
        var logoff = SampleBuild.Control("164.312(a)(2)(iii)");

        Assert.Equal("Addressable", logoff.Designation);
        Assert.Equal("alternative", logoff.Implementation);
        Assert.Equal("Alternative measure", logoff.ImplementationText);
        Assert.StartsWith("The web application ends a session", logoff.Statement, StringComparison.Ordinal);
        Assert.StartsWith("On the field app, an app lock replaces automatic logoff", logoff.Decision!.Alternative, StringComparison.Ordinal);
        Assert.Equal("Dana Whitfield", logoff.Decision.DecidedBy);
        Assert.Equal("current", logoff.Attestation.State);
        Assert.Equal("2026-Q3", logoff.Attestation.Period);
        Assert.Equal("control-164-312-a-2-iii", logoff.Anchor);
    }

    [Fact]
    public void TheFailedQueryIsShownAsNotCollectedWithItsError()
    {
        var item = SampleBuild.Control("164.312(b)").CloudEvidence.Single(e => e.Query == "aws-config/CLOUDTRAIL_S3_DATAEVENTS_ENABLED" && e.State != "compliant");

        Assert.Equal("not-collected", item.State);
        Assert.Equal("Not collected", item.StateText);
        Assert.Equal("NoSuchConfigRuleException", item.Error!.Code);
        Assert.Null(item.Results);
        Assert.Null(item.FailingRows);
    }

    [Fact]
    public void TheStaleItemIsShownAsStaleWithTheDateItWentStale()
    {
        var item = SampleBuild.Control("164.312(b)").CloudEvidence.Single(e => e.State == "stale");

        Assert.Equal("aws-config/VPC_FLOW_LOGS_ENABLED", item.Query);
        Assert.Equal("2026-10-08 04:12 UTC", item.StaleSince);
        Assert.Equal("2026-10-01 04:12 UTC", item.EvaluatedAt);
        Assert.Equal("1 stale, 1 not collected", SampleBuild.Control("164.312(b)").Evidence.Freshness);
    }

    [Fact]
    public void ThePublicBucketIsAFailingRowOfTheBinder()
    {
        var item = SampleBuild.Control("164.308(a)(3)(i)").CloudEvidence.Single(e => e.Query == "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED" && e.State == "non-compliant");

        Assert.Equal("non-compliant", item.State);
        Assert.True(item.FailingRows!.ShownHere);
        var table = new EvidenceRowsSource(SampleBuild.Loaded.Runs)
            .Table(new Rendering.Markdown.RowsSpec(item.Run!, item.Item!, "non-compliant", Rendering.Markdown.RowsSpec.DefaultColumns, null, 1));
        var row = Assert.Single(table.Rows).Select(c => ((TextRun)c.Content[0]).Text).ToList();
        Assert.Equal(["210987654321", "us-east-1", "AWS::S3::Bucket", "acme-legacy-exports"], row.Take(4));
    }

    [Fact]
    public void AnItemUsedByManyControlsListsItsFailingRowsOnceAndTheOthersLinkToIt()
    {
        var failing = Model.Controls.SelectMany(c => c.CloudEvidence.Where(e => e.FailingRows is not null).Select(e => (Control: c.Id, Item: e))).ToList();

        var shown = failing.Where(f => f.Item.FailingRows!.ShownHere).ToList();

        Assert.Equal(11, shown.Count);
        Assert.Equal(shown.Count, shown.Select(f => f.Item.Item).Distinct().Count());
        var bucket = failing.Where(f => f.Item.Query == "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED").ToList();
        Assert.True(bucket.Count > 1);
        Assert.All(bucket, f => Assert.Equal("164.308(a)(3)(i)", f.Item.FailingRows!.ShownIn.Id));
    }

    [Fact]
    public void ManualDocumentsAreHashedAtBuildAndMissingOnesAreShownAsMissing()
    {
        var risk = SampleBuild.Control("164.308(a)(1)(ii)(A)").Documents.First(d => d.File is not null);
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.AcmeHealth, risk.File!.Path));
        var missing = SampleBuild.Control("164.310(a)(2)(iv)").Documents.Single(d => d.State == "missing");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), risk.File.Sha256);
        Assert.Equal(risk.File.Path, risk.File.Attachment);
        Assert.Equal("Facility security maintenance log", missing.Title);
        Assert.Null(missing.File);
    }

    [Fact]
    public void TheEvidenceIndexListsEveryFileOfTheItemsUsedWithItsRecordedHash()
    {
        var manifest = Model.EvidenceIndex[0];
        var raw = Model.EvidenceIndex.Single(e => e.File.Path == "evidence/runs/20261120T060000Z/raw/aws-0442-1.json");

        Assert.Equal("manifest", manifest.Kind);
        Assert.Equal("20261120T060000Z/manifest.json", manifest.File.Attachment);
        Assert.Equal("07bbe03cc595b8df7649727891c9d629cf920271053ff74c78a4d32c81937084", raw.File.Sha256);
        Assert.Equal("20261120T060000Z/raw/aws-0442-1.json", raw.File.Attachment);
        Assert.Contains(Model.EvidenceIndex, e => e.Kind == "results" && e.File.Attachment is null);
        Assert.Contains(Model.EvidenceIndex, e => e.Kind == "document");
    }

    [Fact]
    public void TheBinderAttachesRawEvidenceManifestsAndDocumentsAndRecordsTheRunInItsProperties()
    {
        var binder = SampleBuild.Pipeline().Build(DocumentKind.Binder, Model).Document;
        var ssp = SampleBuild.Pipeline().Build(DocumentKind.Ssp, Model).Document;

        var attachment = binder.Attachments.Single(a => a.Name == "20261120T060000Z/raw/aws-0442-1.json");
        Assert.Equal("07bbe03cc595b8df7649727891c9d629cf920271053ff74c78a4d32c81937084", attachment.Sha256);
        Assert.True(File.Exists(attachment.Path));
        Assert.Equal(binder.Attachments.Count, binder.Attachments.Select(a => a.Name).Distinct().Count());
        Assert.Empty(ssp.Attachments);
        Assert.Equal("Evidence Binder", binder.Info.Title);
        Assert.Equal("Acme Health, Inc.", binder.Info.Author);
        Assert.Equal(SampleBuild.AsOf, binder.Info.GeneratedAt);
        Assert.Contains(new KeyValuePair<string, string>("EvidenceRuns", "20261120T060000Z"), binder.Info.CustomProperties);
        Assert.Contains(binder.Info.CustomProperties, p => p.Key == "ManifestSha256" && p.Value.StartsWith("20261120T060000Z:", StringComparison.Ordinal));
    }

    [Fact]
    public void CloudTextInTheModelIsRedacted()
    {
        var all = Model.Controls.SelectMany(c => c.CloudEvidence.Select(e => e.Message).Concat(c.Problems));

        Assert.DoesNotContain(all, m => m.Contains('@', StringComparison.Ordinal));
    }
}
