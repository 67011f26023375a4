using System.Diagnostics;
using System.Globalization;
using Evidence.Benchmarks;
using Evidence.Rendering;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf;

// Renders a synthetic binder with N failing-resource rows to PDF and prints the time and peak
// memory it took. Usage: Evidence.Benchmarks [rows] [output.pdf] (default 200000, /dev/null).
var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var path = args.Length > 1 ? args[1] : "/dev/null";

var info = new DocumentInfo
{
    Title = "Evidence Binder",
    SystemName = "Acme Health Patient Portal",
    Author = "Acme Health",
    Subject = "HIPAA Security Rule evidence",
    GeneratedAt = new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero),
};
Block[] blocks =
[
    new CoverPage("Evidence Binder", "Acme Health Patient Portal", [new("As of", "2026-11-20 06:00 UTC")]),
    new TableOfContents(2),
    new PageBreak(),
    new Heading(1, [new TextRun("164.312(a)(2)(iv) Encryption and decryption")], "encryption"),
    new Paragraph([new TextRun("Resources that failed the rule, as AWS Config and Azure Policy reported them.")]),
    new Table(FailingResourceRows.Columns, FailingResourceRows.Generate(rows)) { Caption = "Failing resources", RowCount = rows },
];
var document = new Document(info, blocks);

var stopwatch = Stopwatch.StartNew();
using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
{
    new PdfDocumentWriter().Write(document, output, new RenderOptions());
}

stopwatch.Stop();
var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"rows={rows} seconds={stopwatch.Elapsed.TotalSeconds:F2} cpu={process.TotalProcessorTime.TotalSeconds:F2} peakWorkingSetMB={process.PeakWorkingSet64 / 1048576.0:F0}"));
