namespace Evidence.Testing.Fakes.Azure;

/// <summary>What goes wrong with a request the fake Azure server was told to spoil.</summary>
public enum FakeAzureFaultKind
{
    /// <summary>429 with Retry-After.</summary>
    Throttle,

    /// <summary>500 with Resource Manager's error body.</summary>
    ServerError,

    /// <summary>200 whose body is not JSON.</summary>
    MalformedJson,

    /// <summary>200 whose body stops half-way through the JSON, properly framed (the bytes that came are all there were).</summary>
    TruncatedJson,

    /// <summary>200 announcing the whole length, then the connection drops half-way through the body.</summary>
    DropMidBody,

    /// <summary>The connection drops before any response.</summary>
    DropConnection,

    /// <summary>A good page whose <c>@odata.nextLink</c> points at another host.</summary>
    NextLinkElsewhere,

    /// <summary>400 InvalidFilterInQueryString, as the service answers a filter it will not run.</summary>
    InvalidFilter,

    /// <summary>403 AuthorizationFailed.</summary>
    Forbidden,

    /// <summary>401 ExpiredAuthenticationToken, as Resource Manager answers once a token's expiry has passed.</summary>
    ExpiredToken,
}
