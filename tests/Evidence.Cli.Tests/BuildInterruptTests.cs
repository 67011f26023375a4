using System.Diagnostics;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>
/// Ctrl-C and SIGTERM stop a build promptly and leave the output folder as it was. The CLI runs as a child process
/// here, since a signal reaches a process, not a method; the workspace is large enough that the build is still
/// writing when the signal arrives.
/// </summary>
public sealed class BuildInterruptTests : IDisposable
{
    private const int Rows = 100_000;

    private readonly TempDirectory _folder = new();

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void ASignalStopsALargeBuildWithinTwoSecondsAndLeavesNoFile(string signal)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX signals are sent with kill(1)");
        var workspace = _folder.Combine("ws");
        var output = _folder.Combine("out");
        Assert.Equal(0, CliRunner.Run("sample", "generate", "--rows", Rows.ToString(System.Globalization.CultureInfo.InvariantCulture), workspace).ExitCode);
        Directory.CreateDirectory(output);

        using var build = Start("build", workspace, "--format", "pdf", "--output", output, "--as-of", "2026-11-21T09:00:00Z");
        WaitForWriting(build, output);

        var clock = Stopwatch.StartNew();
        Kill(build.Id, signal);
        var exited = build.WaitForExit(TimeSpan.FromSeconds(2));
        clock.Stop();
        if (!exited)
        {
            build.Kill();
        }

        Assert.True(exited, $"the build was still running {clock.Elapsed.TotalSeconds:0.0} s after SIG{signal}");
        Assert.Equal((int)ExitCode.Interrupted, build.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(output));
        Assert.Contains("the build was stopped", build.StandardError.ReadToEnd(), StringComparison.Ordinal);
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Cli());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        var process = Process.Start(info)!;

        // Drain stdout so a full pipe never blocks the child; stderr is read at the end.
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>
    /// The CLI as its own project built it (same configuration as this test): the copy in the test's output folder
    /// resolves its dependencies against the test's, and PDFsharp's logging dependency is not among them.
    /// </summary>
    private static string Cli()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var cli = Path.Combine(RepositoryPaths.Root, "src", "Evidence.Cli", "bin", configuration, framework, "evidence.dll");
        Assert.True(File.Exists(cli), $"build the CLI first: {cli} is missing");
        return cli;
    }

    /// <summary>Waits until the build has a file open under its temporary name: it is writing a document.</summary>
    private static void WaitForWriting(Process build, string output)
    {
        var deadline = Stopwatch.StartNew();
        while (!Directory.EnumerateFiles(output, ".*.tmp").Any())
        {
            if (build.HasExited)
            {
                // Read only once it has ended: reading a running child's stderr to the end waits for it to end.
                Assert.Fail($"the build ended (exit {build.ExitCode}) before it began writing: {build.StandardError.ReadToEnd()}");
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(5), "the build did not begin writing within 5 minutes");
            Thread.Sleep(20);
        }
    }

    private static void Kill(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public void Dispose() => _folder.Dispose();
}
