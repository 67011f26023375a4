namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>A request whose response never arrived whole (the connection closed mid-body, or timed out), after every retry.</summary>
internal sealed class ResponseLostException : Exception
{
    public ResponseLostException()
    {
    }

    public ResponseLostException(string message)
        : base(message)
    {
    }

    public ResponseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
