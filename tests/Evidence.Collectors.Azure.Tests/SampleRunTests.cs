using System.Text.Json;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;

namespace Evidence.Collectors.Azure.Tests;

/// <summary>
/// The committed sample run holds Policy Insights pages and the rows a collection made of them: parsing
/// those pages again must give the same rows byte for byte, and the same evaluation time, so an
/// offline replay of a run reproduces it.
/// </summary>
public sealed class SampleRunTests
{
    [Fact]
    public void TheSampleRunsAzurePagesParseIntoItsCommittedRows()
    {
        var diagnostics = new DiagnosticBag();
        var workspace = RepositoryPaths.AcmeHealth;
        var run = EvidenceStoreReader.ReadRuns(workspace, string.Empty, diagnostics).Single(r => r.RunId == Evidence.Testing.SampleRun.SampleScenario.RunId);
        var items = run.Items.Where(i => i.QueryKey.StartsWith("azure-policy/", StringComparison.Ordinal) && i.Status == ItemStatus.Collected).ToList();
        Assert.NotEmpty(items);

        foreach (var item in items)
        {
            var rows = item.Raw
                .SelectMany(raw => PolicyStatesPage.Parse(File.ReadAllBytes(Path.Combine(run.Directory, raw.Path))).Rows)
                .ToList();

            Assert.Equal(File.ReadAllText(Path.Combine(run.Directory, item.Results!.Path)), Lines(rows));
            Assert.Equal(item.EvaluatedAt, rows.Select(r => r.EvaluatedAt).Min());
        }
    }

    [Fact]
    public void TheSampleRunsResourceGraphPagesParseIntoItsCommittedRowsDatedByTheAnswer()
    {
        var diagnostics = new DiagnosticBag();
        var run = EvidenceStoreReader.ReadRuns(RepositoryPaths.AcmeHealth, string.Empty, diagnostics).Single(r => r.RunId == Evidence.Testing.SampleRun.SampleScenario.RunId);
        var item = Assert.Single(run.Items, i => i.QueryKey.StartsWith("azure-resource-graph/", StringComparison.Ordinal));

        var rows = item.Raw
            .SelectMany(raw => Azure.ResourceGraph.ResourceGraphPage.Parse(File.ReadAllBytes(Path.Combine(run.Directory, raw.Path)), "NON_COMPLIANT").Rows)
            .Select(r => r with { EvaluatedAt = item.EvaluatedAt })
            .ToList();

        Assert.Equal(File.ReadAllText(Path.Combine(run.Directory, item.Results!.Path)), Lines(rows));
        var row = Assert.Single(rows);
        Assert.EndsWith("/storageaccounts/" + Evidence.Testing.SampleRun.SampleScenario.OpenStorageAccount, row.ResourceId, StringComparison.Ordinal);
    }

    private static string Lines(IEnumerable<ResultRow> rows)
    {
        using var stream = new MemoryStream();
        foreach (var row in rows)
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                ResultRowFormat.Write(json, row);
            }

            stream.WriteByte((byte)'\n');
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
