using System.Text;
using Evidence.Testing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Evidence.Cli.Tests;

/// <summary>
/// Issue 10: a binder proves itself. The sample binder is built once; each test changes a copy the way
/// someone altering it would, and <c>evidence verify</c> must name what changed and exit 4.
/// </summary>
public sealed class BinderTamperTests(BinderTamperTests.SampleBinder sample) : IClassFixture<BinderTamperTests.SampleBinder>, IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void TheUntouchedBinderVerifies()
    {
        var result = CliRunner.Run("verify", Copy());

        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public void AByteChangedInARawEvidenceFileIsNamedAgainstTheIndexAndItsManifest()
    {
        var binder = Copy();
        var raw = Names(binder).First(n => n.Contains("/raw/", StringComparison.Ordinal));
        Tamper(binder, raw, FlipFirstByte);

        var result = CliRunner.Run("verify", binder);

        Assert.Equal((int)ExitCode.EvidenceInvalid, result.ExitCode);
        Assert.Contains($"{raw}: SHA-256 ", result.Error, StringComparison.Ordinal);
        Assert.Contains("recorded in binder-index.json", result.Error, StringComparison.Ordinal);
        Assert.Contains("/manifest.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AByteChangedInAnAttachedDocumentIsNamed()
    {
        var binder = Copy();
        var document = Names(binder).First(n => n.StartsWith("artifacts/", StringComparison.Ordinal));
        Tamper(binder, document, FlipFirstByte);

        var result = CliRunner.Run("verify", binder);

        Assert.Equal((int)ExitCode.EvidenceInvalid, result.ExitCode);
        Assert.Contains($"{document}: SHA-256 ", result.Error, StringComparison.Ordinal);
        Assert.Contains("recorded in binder-index.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ARawFileChangedWithItsHashFixedInTheAttachedManifestFailsOnTheManifestHashTheBinderRecords()
    {
        var binder = Copy();
        var raw = Names(binder).First(n => n.Contains("/raw/", StringComparison.Ordinal));
        var manifest = raw[..raw.IndexOf("/raw/", StringComparison.Ordinal)] + "/manifest.json";
        var before = Read(binder, raw);
        var after = FlipFirstByte(before);
        Tamper(binder, raw, _ => after);
        Tamper(binder, manifest, bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(Sha256(before), Sha256(after), StringComparison.Ordinal)));

        var result = CliRunner.Run("verify", binder);

        Assert.Equal((int)ExitCode.EvidenceInvalid, result.ExitCode);
        Assert.Contains($"{manifest}: SHA-256 ", result.Error, StringComparison.Ordinal);
        Assert.Contains("the manifest hash the binder records for run", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain($"recorded in {manifest}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AByteChangedInThePdfBodyIsFoundInThePagesContent()
    {
        var binder = Copy();
        var bytes = File.ReadAllBytes(binder);
        bytes[FirstPageContentOffset(binder, bytes) + 20] ^= 0x20;
        File.WriteAllBytes(binder, bytes);

        var result = CliRunner.Run("verify", binder);

        Assert.Equal((int)ExitCode.EvidenceInvalid, result.ExitCode);
        Assert.Contains("the pages' content (SHA-256 ", result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void ATruncatedPdfIsOneClearLineAndExit4()
    {
        var binder = Copy();
        var bytes = File.ReadAllBytes(binder);
        File.WriteAllBytes(binder, bytes[..(bytes.Length / 2)]);

        var result = CliRunner.Run("verify", binder);

        Assert.Equal((int)ExitCode.EvidenceInvalid, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith($"{binder}: cannot read the PDF", result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void ABinderIndexChangedInTheMetadataOrRemovedIsReported()
    {
        var binder = Copy();
        Tamper(binder, "binder-index.json", bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"bytes\": ", "\"bytes\": 1", StringComparison.Ordinal)));

        var result = CliRunner.Run("verify", binder);

        Assert.Equal((int)ExitCode.EvidenceInvalid, result.ExitCode);
        Assert.Contains("binder-index.json: SHA-256 ", result.Error, StringComparison.Ordinal);
        Assert.Contains("recorded in the PDF's document information", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private string Copy()
    {
        var path = _folder.Combine("binder.pdf");
        File.Copy(sample.Path, path, overwrite: true);
        return path;
    }

    private static byte[] FlipFirstByte(byte[] bytes)
    {
        var changed = bytes.ToArray();
        changed[0] ^= 0x01;
        return changed;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static List<string> Names(string binder)
    {
        using var pdf = PdfReader.Open(binder, PdfDocumentOpenMode.Import);
        return [.. EmbeddedFiles(pdf).Select(f => f.Name)];
    }

    private static byte[] Read(string binder, string name)
    {
        using var pdf = PdfReader.Open(binder, PdfDocumentOpenMode.Import);
        return EmbeddedFiles(pdf).Single(f => f.Name == name).File.Stream.UnfilteredValue;
    }

    private static IEnumerable<(string Name, PdfDictionary File)> EmbeddedFiles(PdfDocument pdf)
    {
        var pairs = pdf.Internals.Catalog.Elements.GetDictionary("/Names")!.Elements.GetDictionary("/EmbeddedFiles")!.Elements.GetArray("/Names")!;
        for (var i = 0; i + 1 < pairs.Elements.Count; i += 2)
        {
            var specification = (PdfDictionary)((PdfReference)pairs.Elements[i + 1]).Value;
            yield return (pairs.Elements.GetString(i), specification.Elements.GetDictionary("/EF")!.Elements.GetDictionary("/F")!);
        }
    }

    /// <summary>Rewrites one attachment's bytes the way an editing tool would, leaving everything else as it was.</summary>
    private static void Tamper(string binder, string name, Func<byte[], byte[]> change)
    {
        using var pdf = PdfReader.Open(binder, PdfDocumentOpenMode.Modify);
        var file = EmbeddedFiles(pdf).Single(f => f.Name == name).File;
        var bytes = change(file.Stream.UnfilteredValue);
        file.Elements.Remove("/Filter");
        file.Stream.Value = bytes;
        pdf.Save(binder);
    }

    /// <summary>Where the first page's first content stream starts in the file.</summary>
    private static int FirstPageContentOffset(string binder, byte[] bytes)
    {
        int number;
        using (var pdf = PdfReader.Open(binder, PdfDocumentOpenMode.Import))
        {
            var contents = pdf.Pages[0].Elements["/Contents"];
            var reference = contents as PdfReference ?? (PdfReference)((PdfArray)((contents as PdfReference)?.Value ?? contents!)).Elements[0];
            number = reference.ObjectNumber;
        }

        var text = Encoding.Latin1.GetString(bytes);
        var header = $"\n{number} 0 obj";
        var at = text.IndexOf(header, StringComparison.Ordinal);
        Assert.True(at >= 0, $"object {number} not found");
        return text.IndexOf("stream", at, StringComparison.Ordinal) + "stream\n".Length;
    }

    /// <summary>The sample binder, built once for every test in the class.</summary>
    public sealed class SampleBinder : IDisposable
    {
        private readonly TempDirectory _output = new();

        public SampleBinder()
        {
            var build = CliRunner.Run("build", CliRunner.Sample, "--format", "pdf", "--only", "binder", "--output", _output.Path, "--as-of", "2026-11-21T09:00:00Z");
            Assert.True(build.ExitCode == 0, build.Error);
            Path = Directory.GetFiles(_output.Path, "*.pdf").Single();
        }

        public string Path { get; }

        public void Dispose() => _output.Dispose();
    }
}
