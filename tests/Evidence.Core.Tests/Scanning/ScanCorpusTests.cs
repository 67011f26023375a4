using Evidence.Core.Scanning;
using Evidence.Testing;

namespace Evidence.Core.Tests.Scanning;

/// <summary>
/// The labelled corpus (tests/Evidence.Testing/Fixtures/scan-corpus/corpus.tsv): positives of every kind in
/// prose, JSON, YAML and connection strings, and look-alikes that must not be hits (UUIDs, ARNs, hashes,
/// versions, dates that are not births, invalid check digits). Precision and recall per kind must stay at
/// or above the floor.
/// </summary>
public sealed class ScanCorpusTests(ITestOutputHelper output)
{
    private const double Floor = 0.95;
    private static readonly Scanner Scanner = new(ScanSettings.Default with { WorkforceDomains = ["example.org"] });

    [Fact]
    public void EveryKindMeetsThePrecisionAndRecallFloor()
    {
        var counts = SensitiveKinds.All.ToDictionary(k => k, _ => new Counts());
        foreach (var (kinds, labelled) in Corpus())
        {
            var (text, expected) = Parse(kinds, labelled);
            var found = Scanner.Scan(text).Select(h => (h.Kind, h.Offset, h.Length)).ToHashSet();
            foreach (var e in expected)
            {
                if (found.Remove(e))
                {
                    counts[e.Kind].TruePositives++;
                }
                else
                {
                    counts[e.Kind].Missed++;
                    output.WriteLine($"missed {e.Kind}: {labelled}");
                }
            }

            foreach (var extra in found)
            {
                counts[extra.Kind].FalsePositives++;
                output.WriteLine($"false {extra.Kind} at {extra.Offset}: {labelled}");
            }
        }

        output.WriteLine($"{"kind",-20} {"tp",4} {"fp",4} {"fn",4} {"precision",9} {"recall",7}");
        foreach (var (kind, c) in counts)
        {
            output.WriteLine($"{kind,-20} {c.TruePositives,4} {c.FalsePositives,4} {c.Missed,4} {c.Precision,9:0.000} {c.Recall,7:0.000}");
        }

        Assert.All(SensitiveKinds.All, k => Assert.True(counts[k].TruePositives > 0, $"the corpus has no positive of {k}"));
        Assert.All(counts, c => Assert.True(c.Value.Precision >= Floor && c.Value.Recall >= Floor, $"{c.Key}: precision {c.Value.Precision:0.000}, recall {c.Value.Recall:0.000}"));
    }

    [Fact]
    public void TheCorpusHasLookAlikesAsWellAsPositives()
    {
        var lines = Corpus().ToList();

        Assert.True(lines.Count(l => l.Kinds == "none") >= 80, "at least 80 negatives");
        Assert.True(lines.Count(l => l.Kinds != "none") >= 80, "at least 80 positives");
    }

    private static IEnumerable<(string Kinds, string Text)> Corpus() =>
        File.ReadLines(Path.Combine(RepositoryPaths.Fixtures, "scan-corpus", "corpus.tsv"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t', 2))
            .Select(p => (p[0], p[1]));

    /// <summary>The text without its ⟦ ⟧ marks, and each marked value with its kind (a line may name one kind per mark).</summary>
    private static (string Text, List<(string Kind, int Offset, int Length)> Expected) Parse(string kinds, string labelled)
    {
        var names = kinds.Split(',');
        var text = new System.Text.StringBuilder();
        var expected = new List<(string, int, int)>();
        var start = -1;
        foreach (var c in labelled)
        {
            if (c == '⟦')
            {
                start = text.Length;
            }
            else if (c == '⟧')
            {
                expected.Add((names[Math.Min(expected.Count, names.Length - 1)], start, text.Length - start));
            }
            else
            {
                text.Append(c);
            }
        }

        return (text.ToString(), expected);
    }

    private sealed class Counts
    {
        public int TruePositives { get; set; }

        public int FalsePositives { get; set; }

        public int Missed { get; set; }

        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + Missed == 0 ? 1 : (double)TruePositives / (TruePositives + Missed);
    }
}
