using Evidence.Core.Attestations;
using Evidence.Testing;

namespace Evidence.Core.Tests.Attestations;

/// <summary>Records are written under safe names, never over another, and any comment survives the trip through YAML.</summary>
public sealed class AttestationStoreTests
{
    [Theory]
    [InlineData("164.308(a)(1)(ii)(A)", "164-308-a-1-ii-A")]
    [InlineData("164.312(b)", "164-312-b")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    public void ACitationBecomesAFileNameOfLettersDigitsAndDashes(string citation, string slug)
    {
        Assert.Equal(slug, AttestationStore.Slug(citation));
    }

    [Fact]
    public void ACommentWithYamlSyntaxNewLinesAndQuotesReadsBackAsWritten()
    {
        const string comment = "Line one: checked #3\n- not a list\n\"quoted\" and \\ backslash\tand é; key: value";
        using var workspace = new WorkspaceBuilder();
        Assert.True(AttestationPeriod.TryParse("2026-Q3", out var period));
        var record = new NewAttestation("164.312(a)(2)(iii)", period, "dana", new DateTimeOffset(2026, 10, 6, 15, 4, 0, TimeSpan.Zero), AttestationResult.PartiallyImplemented, comment)
        {
            Evidence = ["artifacts/a: b.md", "#ticket-9"],
        };

        var first = AttestationStore.Write(workspace.Root, record);
        var second = AttestationStore.Write(workspace.Root, record with { Supersedes = first });

        Assert.Equal("2026-Q3/164-312-a-2-iii.yaml", first);
        Assert.Equal("2026-Q3/164-312-a-2-iii.2.yaml", second);
        var loaded = workspace.Load();
        Assert.Empty(loaded.Diagnostics);
        var read = loaded.Attestations.Single(a => a.RecordPath == second);
        Assert.Equal(comment, read.Comment);
        Assert.Equal(["artifacts/a: b.md", "#ticket-9"], read.Evidence.Select(e => e.Value));
        Assert.Equal(first, read.Supersedes?.Value);
    }
}
