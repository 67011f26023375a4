using System.Runtime.InteropServices;

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

    /// <summary>The same context writing what it would print to standard error, in plain lines (stdout carries <c>--json</c>).</summary>
    internal CliContext OutToError() => new()
    {
        Out = Error, Error = Error, Time = Time, Environment = Environment, IsTerminal = false,
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

    /// <summary>
    /// Ctrl-C (SIGINT) and SIGTERM: the first asks the command to stop cleanly (a collection marks its run
    /// incomplete, a build removes what it wrote); a second one ends the process at once.
    /// </summary>
    private static class CtrlC
    {
        private static readonly CancellationTokenSource Source = new();

        // Kept alive for the life of the process: a collected registration stops listening.
        private static readonly PosixSignalRegistration[] Registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop),
        ];

        public static CancellationToken Token
        {
            get
            {
                GC.KeepAlive(Registrations);
                return Source.Token;
            }
        }

        private static void Stop(PosixSignalContext signal)
        {
            signal.Cancel = !Source.IsCancellationRequested;
            Source.Cancel();
        }
    }
}
