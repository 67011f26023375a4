namespace Evidence.Cli;

/// <summary>What a command may touch of the outside world: its streams, the clock and the environment.</summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>True when output goes to an interactive terminal: colors, tables and progress bars.</summary>
    public bool IsTerminal { get; init; }

    public static CliContext FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        IsTerminal = !Console.IsOutputRedirected && System.Environment.GetEnvironmentVariable("TERM") is not (null or "dumb") &&
                     System.Environment.GetEnvironmentVariable("NO_COLOR") is null,
    };
}
