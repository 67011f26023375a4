using System.Diagnostics;

namespace Evidence.Rendering.Tests.Docx;

/// <summary>
/// Converts a Word file to PDF with LibreOffice, when it is installed (.ci/run installs it): the DOCX as a
/// user who opens it sees it, laid out by a word processor rather than read back as XML.
/// </summary>
internal static class LibreOffice
{
    public static string? Executable { get; } = Find();

    public static bool IsInstalled => Executable is not null;

    /// <summary>Writes <paramref name="docx"/> to a temporary folder, converts it and returns the PDF's bytes.</summary>
    public static byte[] ConvertToPdf(byte[] docx)
    {
        var folder = Path.Combine(Path.GetTempPath(), "evidence-soffice-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "document.docx");
            File.WriteAllBytes(input, docx);

            // A profile of its own, so a conversion never waits on (or breaks) another LibreOffice running here.
            var start = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])[$"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf", "--outdir", folder, input])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("LibreOffice did not convert the document within 3 minutes.");
            }

            var pdf = Path.Combine(folder, "document.pdf");
            Assert.True(File.Exists(pdf), $"LibreOffice wrote no PDF (exit {process.ExitCode}): {output.Result}{error}");
            return File.ReadAllBytes(pdf);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "soffice"))
            .FirstOrDefault(File.Exists);
}
