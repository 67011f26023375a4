namespace Evidence.Collectors.Aws.Client;

/// <summary>What an error means for the call and the run.</summary>
public enum AwsErrorKind
{
    /// <summary>The API refused one request: no such rule, access denied, bad parameter. The query fails; the run goes on.</summary>
    Request,

    /// <summary>Too many requests: back off, slow down, retry.</summary>
    Throttling,

    /// <summary>A server error, a cut-off response or a timeout: retry a few times.</summary>
    Transient,

    /// <summary>A complete response that is not the JSON it should be. Not retried.</summary>
    Malformed,

    /// <summary>Expired or invalid credentials: nothing else can succeed, so collection stops.</summary>
    Credentials,
}
