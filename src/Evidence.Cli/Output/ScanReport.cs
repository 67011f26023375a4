using Evidence.Core.Scanning;

namespace Evidence.Cli.Output;

/// <summary>Scan hits as lines a terminal or an editor can jump to: <c>file:line:col: kind (masked preview)</c>.</summary>
internal static class ScanReport
{
    public static void Print(TextWriter writer, IEnumerable<FileHits> results)
    {
        foreach (var file in results)
        {
            foreach (var hit in file.Hits)
            {
                writer.WriteLine(Line(file.File, hit));
            }
        }
    }

    public static string Line(string file, ScanHit hit) => $"{file}:{hit.Line}:{hit.Column}: {hit.Kind} ({hit.Preview})";
}
