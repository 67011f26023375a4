namespace Evidence.Testing.Fakes.Aws;

/// <summary>How the fake misbehaves when a fault matches a request.</summary>
public enum FakeFaultKind
{
    /// <summary>400 ThrottlingException.</summary>
    Throttle,

    /// <summary>A JSON error body with the fault's status, code and message.</summary>
    Error,

    /// <summary>
    /// The fault's status, code and message as a query-protocol XML body
    /// (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c>) without x-amzn-ErrorType, as moto and some front ends answer.
    /// </summary>
    XmlError,

    /// <summary>500 with a body that is not JSON, as a load balancer might send.</summary>
    ServerError,

    /// <summary>200 with a body that is not valid JSON.</summary>
    Malformed,

    /// <summary>200 announcing the full length but sending half the body, then closing the connection.</summary>
    Truncated,

    /// <summary>Closes the connection without answering.</summary>
    DropConnection,

    /// <summary>Closes the connection and stops the server: every later request is refused.</summary>
    Kill,

    /// <summary>Never answers (until the client gives up).</summary>
    Stall,
}
