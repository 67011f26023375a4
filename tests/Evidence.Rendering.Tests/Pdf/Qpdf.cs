using System.Diagnostics;

namespace Evidence.Rendering.Tests.Pdf;

/// <summary>Runs qpdf, an independent PDF checker, when it is installed (.ci/run installs it).</summary>
internal static class Qpdf
{
    public static bool IsInstalled { get; } = Find() is not null;

    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Find()!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "qpdf"))
            .FirstOrDefault(File.Exists);
}
