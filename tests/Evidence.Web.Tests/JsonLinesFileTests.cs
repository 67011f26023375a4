using Evidence.Web.Portal;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Web.Tests;

/// <summary>The audit log and the invite ledger read back through one JSON-lines file: damaged lines and loose times are passed over.</summary>
public sealed class JsonLinesFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("evidence-jsonl-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void ALineCutShortOrWithATimeNotAsEvidenceWritesItIsPassedOverAndTheOthersCount()
    {
        var folder = new DataFolder(_root);
        var audit = new AuditLog(folder, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)));
        audit.Write("priya-raman", "signed in", "127.0.0.1");
        File.AppendAllText(folder.Combine(AuditLog.FileName), "{\"at\":\"12/01/2026 09:00\",\"what\":\"signed in\"}\n{\"at\":\"2026-12-01T09:00:00Z\",\"wh");
        File.AppendAllText(folder.Combine(AuditLog.FileName), "\n");
        audit.Write("lena-fischer", "attested", "127.0.0.1", "164.312(a)(1)");

        var entries = audit.Read();

        Assert.Equal(["priya-raman", "lena-fischer"], entries.Select(e => e.Who));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), entries[0].At);
    }

    [Fact]
    public void TheAuditLogIsReadAgainOnlyWhenItGrew()
    {
        var folder = new DataFolder(_root);
        var audit = new AuditLog(folder, TimeProvider.System);
        audit.Write("priya-raman", "signed in", null);

        var first = audit.Read();
        var again = audit.Read();
        audit.Write("lena-fischer", "signed in", null);
        var grown = audit.Read();

        Assert.Same(first, again);
        Assert.Equal(2, grown.Count);
    }

    [Fact]
    public void AnIssuedLinkWithALooseTimeIsNotTakenForOne()
    {
        var folder = new DataFolder(_root);
        var ledger = new InviteLedger(folder);
        ledger.Record(new IssuedLink("0123456789ab", "priya-raman", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero)));
        File.AppendAllText(folder.Combine("invites.jsonl"), "{\"id\":\"ba9876543210\",\"owner\":\"lena-fischer\",\"issued_at\":\"2026-12-01\",\"expires\":\"2026-12-08T08:00:00Z\"}\n");

        var link = Assert.Single(ledger.Issued());

        Assert.Equal("0123456789ab", link.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), link.Expires);
    }
}
