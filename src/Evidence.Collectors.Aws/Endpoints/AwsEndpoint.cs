namespace Evidence.Collectors.Aws.Endpoints;

/// <summary>Where to send a region's requests and whether it came from an endpoint override.</summary>
public sealed record AwsEndpoint(Uri Url, string Region, bool Overridden)
{
    /// <summary>The Host header value: the host, with the port when it is not the scheme's default.</summary>
    public string Host => Url.IsDefaultPort ? Url.Host : $"{Url.Host}:{Url.Port}";
}
