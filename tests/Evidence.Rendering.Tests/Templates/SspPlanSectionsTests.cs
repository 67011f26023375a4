using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Tests.Templates;

/// <summary>The SSP's approval, revision history, interconnections and business associates come from evidence.yaml, people by name.</summary>
public sealed class SspPlanSectionsTests
{
    private static readonly Lazy<Document> Ssp = new(() => SampleBuild.Pipeline().Build(DocumentKind.Ssp, SampleBuild.Model).Document);

    [Fact]
    public void TheCoverNamesTheSystemOwnerTheSecurityOfficialAndTheApproval()
    {
        var cover = Assert.IsType<CoverPage>(Ssp.Value.Blocks[0]);
        var lines = cover.Lines.ToDictionary(l => l.Key, l => l.Value);

        Assert.Equal("Aisha Bello, Vice President of Engineering", lines["System owner"]);
        Assert.Equal("Dana Whitfield, Chief Information Security Officer", lines["Security official"]);
        Assert.Equal("4.2", lines["Plan version"]);
        Assert.Equal("Dana Whitfield, Chief Information Security Officer, 2026-11-14", lines["Approved"]);
    }

    [Fact]
    public void TheRevisionHistoryListsEachRevisionWithItsAuthorByName()
    {
        var history = TableAfter("revision-history");

        Assert.Equal(["Version", "Date", "Author", "Changes"], history.Columns.Select(c => c.Header));
        Assert.Equal(["4.0", "4.1", "4.2"], history.Rows.Select(r => Text(r[0])));
        Assert.Equal("Marcus Oyelaran", Text(history.Rows.ElementAt(1)[2]));
    }

    [Fact]
    public void TheApprovalBlockHasASignatureLineForTheOwnerTheOfficialAndTheApprover()
    {
        var approval = TableAfter("approval");

        Assert.Equal(["System owner", "Security official", "Approved by"], approval.Rows.Select(r => Text(r[0])));
        Assert.Equal("2026-11-14", Text(approval.Rows.Last()[3]));
    }

    [Fact]
    public void InterconnectionsAndBusinessAssociatesAreTablesWithTheirAgreements()
    {
        var links = TableAfter("interconnections");
        var associates = TableAfter("business-associates");

        Assert.Equal(5, links.Rows.Count());
        Assert.Contains(links.Rows, r => Text(r[0]) == "Partner SFTP referral feed" && Text(r[2]) == "Inbound" && Text(r[6]) == "Priya Raman");
        Assert.Equal(7, associates.Rows.Count());
        Assert.Contains(associates.Rows, r => Text(r[0]) == "Twilio" && Text(r[3]) == "2024-01-22" && Text(r[4]) == "artifacts/executed-baa-register-2026.md");
    }

    private static Table TableAfter(string anchor)
    {
        var blocks = Ssp.Value.Blocks;
        var start = blocks.ToList().FindIndex(b => b is Heading h && h.Anchor == anchor);
        Assert.True(start >= 0, $"no heading #{anchor}");
        return blocks.Skip(start + 1).TakeWhile(b => b is not Heading).OfType<Table>().First();
    }

    private static string Text(TableCell cell) => InlineText.Of(cell.Content);
}
