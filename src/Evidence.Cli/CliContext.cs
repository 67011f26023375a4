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

    /// <summary>Cancelled when the user asks a long command to stop (Ctrl-C in the real console).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Test-only ways into <c>evidence collect</c>.</summary>
    internal Collect.CollectSeams? CollectSeams { get; init; }

    /// <summary>The same context with another clock.</summary>
    internal CliContext WithTime(TimeProvider time) => new()
    {
        Out = Out, Error = Error, Time = time, Environment = Environment, IsTerminal = IsTerminal,
        Cancellation = Cancellation, CollectSeams = CollectSeams,
    };

    public static CliContext FromConsole() => new()
    {
        Cancellation = CtrlC.Token,
        Out = Console.Out,
        Error = Console.Error,
        IsTerminal = !Console.IsOutputRedirected && System.Environment.GetEnvironmentVariable("TERM") is not (null or "dumb") &&
                     System.Environment.GetEnvironmentVariable("NO_COLOR") is null,
    };

    private static class CtrlC
    {
        private static readonly CancellationTokenSource Source = Listen();

        public static CancellationToken Token => Source.Token;

        private static CancellationTokenSource Listen()
        {
            var source = new CancellationTokenSource();

            // The first Ctrl-C asks the command to stop cleanly (a collection marks its run incomplete);
            // a second one ends the process at once.
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = !source.IsCancellationRequested;
                source.Cancel();
            };
            return source;
        }
    }
}
