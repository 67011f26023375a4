using System.IO.Compression;
using Evidence.Rendering.Docx;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Docx;

public sealed class DocxDeterminismTests
{
    [Fact]
    public void WritingTheSameDocumentTwiceGivesIdenticalBytes()
    {
        using var temp = new TempDirectory();
        var first = temp.Combine("first.docx");
        var second = temp.Combine("second.docx");

        WriteFile(first);
        Thread.Sleep(2100); // ZIP times have two-second steps: a clock leaking in would now show
        WriteFile(second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void EveryZipEntryCarriesTheAsOfTimeAndTheEntriesComeInAFixedOrder()
    {
        using var zip = new ZipArchive(new MemoryStream(DocxFile.Write(SampleDocuments.EveryBlock(rows: 10))), ZipArchiveMode.Read);

        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2026, 11, 21, 9, 0, 0), e.LastWriteTime.DateTime));
        Assert.Equal(
        [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml",
            "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml",
            "word/settings.xml", "word/fontTable.xml", "word/header1.xml", "word/footer1.xml",
        ], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void AStreamThatCannotSeekReceivesTheSameValidPackage()
    {
        using var buffer = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(buffer))
        {
            new DocxDocumentWriter().Write(SampleDocuments.EveryBlock(rows: 10), forwardOnly, new RenderOptions());
        }

        var bytes = buffer.ToArray();
        var errors = DocxFile.ValidationErrors(bytes);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static void WriteFile(string path)
    {
        using var output = File.Create(path);
        new DocxDocumentWriter().Write(SampleDocuments.EveryBlock(rows: 500), output, new RenderOptions());
    }

    /// <summary>A pipe-like stream: writes go through, nothing else does.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
