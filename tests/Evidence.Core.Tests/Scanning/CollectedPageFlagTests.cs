using System.Text;
using System.Text.Json;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Scanning;
using Evidence.Core.Store;
using Evidence.Testing;

namespace Evidence.Core.Tests.Scanning;

/// <summary>Collection keeps a raw page as received and flags the personal data and secrets in it in the manifest.</summary>
public sealed class CollectedPageFlagTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APageWithHitsIsKeptAsReceivedAndFlaggedByCountAndKind()
    {
        using var workspace = new WorkspaceBuilder();
        var page = Encoding.UTF8.GetBytes("""{"Tags":[{"Key":"ssn","Value":"219-09-9999"}],"Note":"key AKIAIOSFODNN7EXAMPLE"}""");
        var writer = EvidenceRunWriter.Start(workspace.Root, Started, "test-system", "evidence-tests");
        writer.Scanner = Scanner.Default;

        var flagged = writer.WriteRaw("item-0001", 1, page);
        var clean = writer.WriteRaw("item-0001", 2, Encoding.UTF8.GetBytes("""{"Tags":[]}"""));
        writer.Add(new EvidenceItem
        {
            Id = "item-0001", RunId = writer.RunId, QueryKey = "aws-config/IAM_USER_MFA_ENABLED", Source = RunBuilder.DefaultSource,
            Status = ItemStatus.Failed, Error = new ItemError("AccessDenied", "denied"), CollectedAt = Started.AddMinutes(1),
            Raw = [flagged, clean], Location = SourceLocation.OfFile("manifest.json"),
        });
        writer.Complete(Started.AddMinutes(5));

        Assert.Equal(page, File.ReadAllBytes(Path.Combine(writer.Directory, flagged.Path)));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(writer.Directory, "manifest.json")));
        var raw = manifest.RootElement.GetProperty("items")[0].GetProperty("raw");
        Assert.Equal("""{"hits":2,"kinds":["aws-access-key-id","ssn"]}""", raw[0].GetProperty("sensitive").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.False(raw[1].TryGetProperty("sensitive", out _));
        var loaded = WorkspaceLoader.Load(workspace.Root);
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(2, loaded.Runs.Single().Items.Single().Raw[0].Sensitive?.Hits);
    }
}
