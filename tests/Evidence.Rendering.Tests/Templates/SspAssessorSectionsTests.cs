using System.Text.RegularExpressions;
using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Tests.Templates;

/// <summary>The SSP's responsibility matrix, plain-language problems, assessor focus, glossary and references.</summary>
public sealed partial class SspAssessorSectionsTests
{
    private static readonly Lazy<RenderedDocument> Ssp = new(() => SampleBuild.Pipeline().Build(DocumentKind.Ssp, SampleBuild.Model));

    [Fact]
    public void TheResponsibilityMatrixHasOneRowPerCitationWithItsSources()
    {
        var matrix = SampleBuild.Model.Plan.Responsibility;
        var table = Ssp.Value.Document.Blocks.OfType<Table>().Single(t => t.Caption?.StartsWith("Shared-responsibility matrix", StringComparison.Ordinal) == true);

        Assert.Equal(["AWS", "Azure"], matrix.Clouds);
        Assert.Equal(68, table.Rows.Count());
        Assert.Equal(68, matrix.Shared + matrix.Customer + matrix.Inherited);
        Assert.Equal(5, matrix.Sources.Count);
        var facility = matrix.Rows.Single(r => r.Id == "164.310(a)(1)");
        Assert.Equal("Shared", facility.SplitText);
        Assert.Contains("data centers", facility.Provider, StringComparison.Ordinal);
        Assert.Equal("Nothing", matrix.Rows.Single(r => r.Id == "164.308(a)(2)").Provider);
    }

    [Fact]
    public void ProblemsAreWrittenForPeopleWithoutRuleIdsPersonIdsOrRawErrorCodes()
    {
        var plain = SampleBuild.Model.Controls.SelectMany(c => c.PlainProblems).ToList();

        Assert.Contains("1 of 14 storage buckets fails this check in AWS 210987654321 (prod-phi) us-east-1: S3 buckets must not grant access through ACLs.", plain);
        Assert.Contains(plain, p => p.StartsWith("Hannah Cole attested on 2026-10-12 that the control is not implemented", StringComparison.Ordinal));
        Assert.Contains(plain, p => p.Contains("because the rule is not deployed in this account and region", StringComparison.Ordinal));
        Assert.DoesNotContain(plain, p => RuleId().IsMatch(p) || p.Contains("Exception", StringComparison.Ordinal) || p.Contains("hannah-cole", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryControlSaysWhatAnAssessorSamplesAndTheSspEndsWithGlossaryAndReferences()
    {
        var markdown = Ssp.Value.Markdown;
        var anchors = Ssp.Value.Document.Blocks.OfType<Heading>().Select(h => h.Anchor).ToList();

        Assert.Equal(68, Regex.Count(markdown, @"\*\*What an assessor samples\.\*\*"));
        Assert.Contains(SampleBuild.Control("164.312(a)(1)").AssessorFocus[..40], markdown, StringComparison.Ordinal);
        Assert.Equal(["glossary", "references"], anchors.TakeLast(2));
    }

    /// <summary>An AWS Config managed-rule identifier such as S3_BUCKET_ACL_PROHIBITED.</summary>
    [GeneratedRegex(@"\b[A-Z0-9]+_[A-Z0-9_]+\b")]
    private static partial Regex RuleId();
}
