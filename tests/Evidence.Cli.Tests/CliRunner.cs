using Evidence.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Cli.Tests;

/// <summary>Runs the evidence command in-process, as a user would type it, and captures what it prints.</summary>
internal static class CliRunner
{
    /// <summary>The instant the fake clock reads when a test gives no --as-of.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    public static CliResult Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    public static CliResult Run(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run(environment, EvidenceApp.Writers, args);

    /// <summary>Runs with the given document writers instead of the ones the tool ships (a failing or recording writer, say).</summary>
    public static CliResult Run(IReadOnlyList<Evidence.Rendering.IDocumentWriter> writers, params string[] args) =>
        Run(new Dictionary<string, string>(), writers, args);

    public static CliResult Run(IReadOnlyDictionary<string, string> environment, IReadOnlyList<Evidence.Rendering.IDocumentWriter> writers, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Time = new FakeTimeProvider(Now),
            Environment = name => environment.GetValueOrDefault(name),
            IsTerminal = false,
        };
        var code = EvidenceApp.Run(args, context, writers);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>The sample workspace's path, for commands that take a workspace.</summary>
    public static string Sample => RepositoryPaths.AcmeHealth;
}

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
    }
}
