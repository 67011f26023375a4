using System.Diagnostics;
using Evidence.Rendering.Fonts;

namespace Evidence.Rendering.Tests.Pdf.Text;

/// <summary>The Noto fallback fonts as installed here (.ci/run installs them), and poppler's pdftotext.</summary>
internal static class InstalledFallbacks
{
    public static FallbackFaces Faces { get; } = new FontLocator().LocateFallbacks();

    public static void SkipUnlessInstalled()
    {
        Assert.SkipWhen(Faces.Cjk is null, "Noto Sans CJK is not installed (Debian: apt-get install fonts-noto-cjk)");
        Assert.SkipWhen(Faces.Emoji is null, "Noto Color Emoji is not installed (Debian: apt-get install fonts-noto-color-emoji)");
    }

    /// <summary>The text poppler's pdftotext reads from <paramref name="pdf"/>, as a reader copying it would get it.</summary>
    public static string PdfToText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"evidence-fonts-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
            start.ArgumentList.Add("-enc");
            start.ArgumentList.Add("UTF-8");
            start.ArgumentList.Add(file);
            start.ArgumentList.Add("-");
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Skip("pdftotext (poppler-utils) is not installed");
                throw;
            }

            using (process)
            {
                var text = process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.Equal(0, process.ExitCode);
                return text;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
