using Evidence.Rendering.Model;

namespace Evidence.Rendering.Tests.Model;

/// <summary>
/// The binder answers each control's assessor checklist from the sample's own evidence: a current
/// document answers, a stale one or a failing check answers with a gap, and a document that is not on
/// file, or an item the catalog says nothing here answers, is "not answered".
/// </summary>
public sealed class ChecklistBuilderTests
{
    [Fact]
    public void ACurrentDocumentAnswersAndLinksToTheControlsDocuments()
    {
        var check = Item("164.308(a)(1)(ii)(A)", "The current risk analysis and its earlier versions");

        Assert.Equal("answered", check.State);
        var answer = Assert.Single(check.Answers);
        Assert.Equal("Enterprise-wide risk analysis (current, dated 2026-03-16)", answer.Text);
        Assert.Equal("control-164-308-a-1-ii-a-documents", answer.Anchor);
    }

    [Fact]
    public void AStaleDocumentAnswersWithAGap()
    {
        var check = Item("164.308(a)(7)(ii)(D)", "The test schedule and reports of tests held in the period");

        Assert.Equal("gap", check.State);
        Assert.Equal("Answered, with a gap", check.StateText);
        Assert.Equal("Contingency plan test report (stale since 2026-08-14)", Assert.Single(check.Answers).Text);
    }

    [Fact]
    public void ADocumentNotOnFileAnswersNothingAndHasNoLink()
    {
        var check = Item("164.308(a)(5)(i)", "Content reflects current threats (for example phishing)");

        Assert.Equal("not-answered", check.State);
        Assert.Equal(new AnswerModel("Phishing simulation reports: not on file", null, "not-answered"), Assert.Single(check.Answers));
    }

    [Fact]
    public void CloudChecksWithAFailureAnswerWithAGapAndAnItemNothingAnswersSaysSo()
    {
        var control = SampleBuild.Control("164.312(a)(2)(iv)");
        var storage = control.Checklist.Single(c => c.Ask.StartsWith("Database, bucket", StringComparison.Ordinal));
        var disks = control.Checklist.Single(c => c.Ask == "Workstation disk encryption");

        Assert.Equal("gap", storage.State);
        var cloud = Assert.Single(storage.Answers);
        Assert.Equal("control-164-312-a-2-iv-cloud", cloud.Anchor);
        var primary = control.CloudEvidence.Where(e => e.Role == "primary" && e.State != "no-resources").ToList();
        Assert.Equal($"the cloud checks that prove this control: {primary.Count(e => e.State == "compliant")} of {primary.Count} results pass", cloud.Text);
        Assert.Equal("not-answered", disks.State);
        Assert.Empty(disks.Answers);
    }

    [Fact]
    public void TheOwnersCurrentAttestationAnswersWhatOnlyTheOwnerCanConfirm()
    {
        var check = Item("164.308(a)(2)", "The named person still holds the role and acts in it");

        Assert.Equal("answered", check.State);
        Assert.Equal("the owner's attestation for 2026-Q3: implemented", Assert.Single(check.Answers).Text);
    }

    [Fact]
    public void EveryControlOfTheSampleCarriesItsWholeChecklist()
    {
        Assert.All(SampleBuild.Model.Controls, c => Assert.NotEmpty(c.Checklist));
        Assert.Contains(SampleBuild.Model.Controls.SelectMany(c => c.Checklist), c => c.State == "not-answered");
    }

    private static CheckModel Item(string control, string ask) => SampleBuild.Control(control).Checklist.Single(c => c.Ask == ask);
}
