using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Tests.Validation;

namespace Evidence.Core.Tests.Catalog;

/// <summary>
/// Every shipped control reads its assessor focus as a checklist, and a checklist may only name evidence
/// its control can have: a typo, a document of another control, or cloud evidence for a control the
/// clouds cannot prove is a positioned catalog error, so the binder never claims an answer it lacks.
/// </summary>
public sealed class AssessorChecklistTests
{
    private const string Technical = "catalog/164.312-technical.yaml";
    private const string Administrative = "catalog/164.308-administrative.yaml";

    [Fact]
    public void EveryShippedControlHasAChecklistAndEveryAnswerItNamesIsValid()
    {
        var diagnostics = new DiagnosticBag();
        var catalog = WorkspaceLoader.LoadBuiltinCatalog(diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.All(catalog.Controls, c => Assert.NotEmpty(c.AssessorChecklist));
        var encryption = catalog.Find("164.312(a)(2)(iv)")!.AssessorChecklist;
        Assert.Equal(["encryption-standard"], encryption[0].AnsweredBy.Select(a => a.Value));
        Assert.Equal([AssessorCheck.Cloud], encryption[1].AnsweredBy.Select(a => a.Value));
        Assert.Empty(encryption.Single(c => c.Ask == "Workstation disk encryption").AnsweredBy);
    }

    [Fact]
    public void AnArtifactTheControlDoesNotExpectIsReportedAtTheReferenceWithTheNearestId()
    {
        using var workspace = CatalogTests.WithOwnCatalog().Replace(Technical, "answered_by: [encryption-standard]", "answered_by: [encryption-standards]");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Equal("'encryption-standards' is not an expected artifact of 164.312(a)(2)(iv) (did you mean 'encryption-standard'?); answered_by takes its expected artifact ids, its query keys, or cloud, attestation, specifications, decision", error.Message);
        Assert.Equal(workspace.Locate(Technical, "encryption-standards]"), error.Location);
        Assert.Equal(DiagnosticCategory.Catalog, error.Category);
    }

    [Fact]
    public void CloudEvidenceCannotAnswerAControlWhoseCloudChecksOnlySupportIt()
    {
        using var workspace = CatalogTests.WithOwnCatalog().Replace(Administrative,
            "      - ask: The named person still holds the role and acts in it\n        answered_by: [attestation]",
            "      - ask: The named person still holds the role and acts in it\n        answered_by: [cloud]");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.StartsWith("164.308(a)(2) has no cloud rule or policy that can prove it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AQueryTheCatalogDoesNotRunForTheControlCannotAnswerIt()
    {
        using var workspace = CatalogTests.WithOwnCatalog().Replace(Technical, "answered_by: [encryption-standard]", "answered_by: [aws-config/NO_SUCH_RULE]");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.StartsWith("'aws-config/NO_SUCH_RULE' is not a query the catalog runs for 164.312(a)(2)(iv)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASpecificationHasNoSpecificationsToAnswerWith()
    {
        using var workspace = CatalogTests.WithOwnCatalog().Replace(Technical, "answered_by: [encryption-standard]", "answered_by: [specifications]");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Equal("164.312(a)(2)(iv) has no specifications, so 'specifications' cannot answer its checklist", error.Message);
    }

    [Fact]
    public void AnItemWithoutAnsweredByIsAnErrorButAnEmptyListIsTheCatalogSayingNothingAnswersIt()
    {
        using var workspace = CatalogTests.WithOwnCatalog().Replace(Technical, "      - ask: Workstation disk encryption\n        answered_by: []\n", "      - ask: Workstation disk encryption\n");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("answered_by", error.Message, StringComparison.Ordinal);
    }
}
