namespace Evidence.Testing.Fakes.Azure;

/// <summary>A scripted fault: which requests it spoils (<see cref="When"/>), how many of them (<see cref="Times"/>), and how.</summary>
public sealed class FakeAzureFault(FakeAzureFaultKind kind)
{
    private int _remaining = -1;

    public FakeAzureFaultKind Kind { get; } = kind;

    /// <summary>How many matching requests it spoils; unlimited unless set.</summary>
    public int Times { get; init; } = int.MaxValue;

    /// <summary>Which requests it applies to; every request unless set.</summary>
    public Func<FakeAzureRequest, bool>? When { get; init; }

    /// <summary>The Retry-After of a <see cref="FakeAzureFaultKind.Throttle"/>; the server's default unless set.</summary>
    public int? RetryAfterSeconds { get; init; }

    internal bool TryApply(FakeAzureRequest request)
    {
        if (When is { } when && !when(request))
        {
            return false;
        }

        Interlocked.CompareExchange(ref _remaining, Times, -1);
        while (true)
        {
            var remaining = Volatile.Read(ref _remaining);
            if (remaining <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, remaining - 1, remaining) == remaining)
            {
                return true;
            }
        }
    }
}
