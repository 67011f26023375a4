namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// A scripted misbehaviour: when a request matches (by operation, rule name or anything else), the
/// fake answers with <see cref="Kind"/> instead, for as many matching requests as it was given (<c>times</c>).
/// </summary>
public sealed class FakeFault
{
    private int _remaining;

    public FakeFault(FakeFaultKind kind, int times = int.MaxValue, Func<FakeAwsRequest, bool>? when = null)
    {
        Kind = kind;
        _remaining = times;
        When = when ?? (_ => true);
    }

    public FakeFaultKind Kind { get; }

    public Func<FakeAwsRequest, bool> When { get; }

    public int Status { get; init; } = 400;

    public string Code { get; init; } = "ThrottlingException";

    public string Message { get; init; } = "Rate exceeded";

    /// <summary>How many requests this fault has answered.</summary>
    public int Hits { get; private set; }

    public static FakeFault Throttle(int times = int.MaxValue, string? operation = null, string? ruleName = null) =>
        new(FakeFaultKind.Throttle, times, Matching(operation, ruleName));

    public static FakeFault Error(int status, string code, string message, int times = int.MaxValue, string? operation = null, string? ruleName = null) =>
        new(FakeFaultKind.Error, times, Matching(operation, ruleName)) { Status = status, Code = code, Message = message };

    public static FakeFault XmlError(int status, string code, string message, int times = int.MaxValue, string? operation = null) =>
        new(FakeFaultKind.XmlError, times, Matching(operation, null)) { Status = status, Code = code, Message = message };

    public static FakeFault Of(FakeFaultKind kind, int times = int.MaxValue, string? operation = null, string? ruleName = null) =>
        new(kind, times, Matching(operation, ruleName));

    /// <summary>Kills the server on the <paramref name="number"/>-th accepted request (counting from 1).</summary>
    public static FakeFault KillAt(int number) => new(FakeFaultKind.Kill, 1, r => r.Number >= number);

    internal bool TryTake(FakeAwsRequest request)
    {
        lock (this)
        {
            if (_remaining <= 0 || !When(request))
            {
                return false;
            }

            _remaining--;
            Hits++;
            return true;
        }
    }

    private static Func<FakeAwsRequest, bool> Matching(string? operation, string? ruleName) =>
        r => (operation is null || r.Operation == operation) && (ruleName is null || r.Text("ConfigRuleName") == ruleName);
}
