using System.Diagnostics;
using System.Globalization;
using Evidence.Benchmarks.Docx;
using Evidence.Rendering;
using Evidence.Rendering.Docx;

// Usage: Evidence.Benchmarks.Docx [rows=200000] [output.docx]
// Prints rows, seconds, peak working set and file size on one line.
var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"evidence-bench-{rows}.docx");

var stopwatch = Stopwatch.StartNew();
using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
{
    new DocxDocumentWriter().Write(SyntheticBinder.Create(rows), output, new RenderOptions());
}

stopwatch.Stop();
using var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"rows={rows} seconds={stopwatch.Elapsed.TotalSeconds:F2} peak_working_set_mb={process.PeakWorkingSet64 / 1048576.0:F0} size_mb={new FileInfo(path).Length / 1048576.0:F1} path={path}"));
