using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>The commands README.md gives work as written.</summary>
public sealed class ReadmeTests
{
    private const string Prefix = "dotnet run --project src/Evidence.Cli -- ";

    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Fact]
    public void TheMainCommandRunsOnTheSampleWorkspace()
    {
        var commands = Lines.Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(commands);
        using var output = new TempDirectory();
        foreach (var command in commands)
        {
            // Paths in README are relative to the repository root; out/ goes to a temp folder instead.
            var args = command[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Path.Combine(RepositoryPaths.Root, a) : a == "out" ? output.Path : a)
                .ToArray();

            var result = CliRunner.Run(args);

            Assert.True(result.ExitCode == 0, $"'{command}' exited {result.ExitCode}: {result.Error}");
            Assert.NotEmpty(result.Out);
        }
    }

    [Fact]
    public void TheTestCommandIsTheOneCiRuns()
    {
        Assert.Contains("dotnet test", Lines);
        Assert.Contains("dotnet test 2>&1", File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "run")), StringComparison.Ordinal);
    }
}
