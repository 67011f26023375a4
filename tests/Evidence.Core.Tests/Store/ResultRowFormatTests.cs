using System.Text;
using System.Text.Json;
using Evidence.Core.Store;
using Evidence.Testing;

namespace Evidence.Core.Tests.Store;

/// <summary>Results files read back as written, line by line from their bytes, and a damaged line named by file and line.</summary>
public sealed class ResultRowFormatTests
{
    private static readonly ResultRow Full = new(
        "AWS::S3::Bucket", "arn:aws:s3:::phi-\"quoted\"-é-😀", ComplianceValues.NonCompliant, "210987654321", "us-east-1", null,
        "Bucket policy allows \\ and \n newlines", new DateTimeOffset(2026, 11, 20, 5, 13, 41, TimeSpan.Zero));

    [Fact]
    public void RowsComeBackAsTheWriterWroteThem()
    {
        using var root = new TempDirectory();
        var rows = Enumerable.Range(0, 3000)
            .Select(i => Full with { ResourceId = $"bucket-{i}", Compliance = i % 3 == 0 ? ComplianceValues.Compliant : ComplianceValues.NonCompliant })
            .Append(new ResultRow("Microsoft.Storage/storageAccounts", "/subscriptions/x/sa", ComplianceValues.Compliant, Subscription: "sub-1"))
            .ToList();
        var path = Write(root, rows);

        var read = ResultRowFormat.Read(path).ToList();

        Assert.Equal(rows, read);
        // The values every row repeats are one string per file, not one per row.
        Assert.Same(read[1].ResourceType, read[2].ResourceType);
        Assert.Same(read[1].Region, read[2].Region);
    }

    [Fact]
    public void ByteOrderMarkCarriageReturnsBlankLinesAndUnknownFieldsAreTolerated()
    {
        using var root = new TempDirectory();
        var path = root.Combine("rows.jsonl");
        var text = "\uFEFF{\"resource_type\":\"T\",\"resource_id\":\"a\",\"compliance\":\"COMPLIANT\",\"tags\":{\"k\":[1,2]},\"count\":3}\r\n\r\n"
            + "{\"resource_id\":\"b\",\"compliance\":\"NON_COMPLIANT\",\"resource_type\":\"T\",\"annotation\":null}";
        File.WriteAllText(path, text, new UTF8Encoding(false));

        var read = ResultRowFormat.Read(path).ToList();

        Assert.Equal([new ResultRow("T", "a", "COMPLIANT"), new ResultRow("T", "b", "NON_COMPLIANT")], read);
    }

    [Fact]
    public void ALineLongerThanTheReadBufferIsReadWhole()
    {
        using var root = new TempDirectory();
        var rows = new[] { Full with { Annotation = new string('x', 300_000) }, Full with { ResourceId = "after" } };
        var path = Write(root, rows);

        Assert.Equal(rows, ResultRowFormat.Read(path));
    }

    [Fact]
    public void ValuesKnownBeforeTheLimitAreStillSharedAfterIt()
    {
        using var root = new TempDirectory();
        var rows = Enumerable.Range(0, 3000).Select(i => Full with { ResourceId = $"r-{i}", Region = $"region-{i}", Account = "210987654321" }).ToList();
        var path = Write(root, rows);

        var read = ResultRowFormat.Read(path).ToList();

        Assert.Equal(rows, read);
        Assert.Same(read[0].Account, read[2999].Account);
    }

    [Fact]
    public void ALineLongerThanTheLimitIsRefusedWithItsPlace()
    {
        using var root = new TempDirectory();
        var path = root.Combine("rows.jsonl");
        using (var stream = File.Create(path))
        {
            stream.Write("{\"resource_type\":\"T\",\"resource_id\":\"a\",\"compliance\":\"COMPLIANT\"}\n"u8);
            var line = new byte[ResultRowFormat.MaxLineBytes + 10];
            line.AsSpan().Fill((byte)'x');
            stream.Write(line);
        }

        var error = Assert.Throws<InvalidDataException>(() => ResultRowFormat.Read(path).ToList());

        Assert.Equal($"{path}:2:1: not a valid result row (the line is longer than 16 MB)", error.Message);
    }

    [Fact]
    public void BytesThatAreNotUtf8AreRefusedWithTheirPlace()
    {
        using var root = new TempDirectory();
        var path = root.Combine("rows.jsonl");
        File.WriteAllBytes(path, [.. "{\"resource_type\":\"T\",\"resource_id\":\""u8, 0xFF, 0xFE, .. "\",\"compliance\":\"COMPLIANT\"}\n"u8]);

        var error = Assert.Throws<InvalidDataException>(() => ResultRowFormat.Read(path).ToList());

        Assert.StartsWith($"{path}:1:1: not a valid result row (", error.Message);
    }

    [Theory]
    [InlineData("{\"resource_id\":\"a\",\"compliance\":\"COMPLIANT\"}", "resource_type")]
    [InlineData("{\"resource_type\":\"T\",\"resource_id\":7,\"compliance\":\"COMPLIANT\"}", "resource_id")]
    [InlineData("{\"resource_type\":\"T\",\"resource_id\":\"a\",\"compliance\":\"COMPLIANT\"} {}", "after a single JSON value")]
    [InlineData("{\"resource_type\":\"T\",\"resource_id\":\"a\"", "")]
    [InlineData("[]", "JSON object")]
    [InlineData("   ", "")]
    public void ADamagedLineIsNamedByFileAndLine(string second, string problem)
    {
        using var root = new TempDirectory();
        var path = root.Combine("rows.jsonl");
        File.WriteAllText(path, "{\"resource_type\":\"T\",\"resource_id\":\"a\",\"compliance\":\"COMPLIANT\"}\n" + second + "\n");

        var error = Assert.Throws<InvalidDataException>(() => ResultRowFormat.Read(path).ToList());

        Assert.StartsWith($"{path}:2:1: not a valid result row (", error.Message);
        Assert.Contains(problem, error.Message);
    }

    private static string Write(TempDirectory root, IEnumerable<ResultRow> rows)
    {
        var path = root.Combine("rows.jsonl");
        using var stream = File.Create(path);
        foreach (var row in rows)
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                ResultRowFormat.Write(json, row);
            }

            stream.WriteByte((byte)'\n');
        }

        return path;
    }
}
