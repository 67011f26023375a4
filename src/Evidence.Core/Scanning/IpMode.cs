namespace Evidence.Core.Scanning;

/// <summary>What the scanner does with IP addresses.</summary>
public enum IpMode
{
    /// <summary>Public IPv4 and IPv6 addresses are hits (private, loopback and network blocks never are).</summary>
    Report,

    /// <summary>IP addresses are never hits.</summary>
    Ignore,
}
