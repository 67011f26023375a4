using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Evidence.Core.Collection;

/// <summary>
/// Tells, for every cloud alike, whether a transport failure means the endpoint cannot be reached at all
/// (no route, no name, connection refused, a TLS handshake or a proxy that fails), so that the run stops
/// once instead of every task retrying it in turn, from a failure that might pass (a connection reset
/// mid-response, a timeout), which is retried and then fails one query.
/// </summary>
public static class EndpointUnreachable
{
    /// <summary>What made the endpoint unreachable, in a few words, or null when <paramref name="failure"/> is not that.</summary>
    public static string? Reason(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        string? reason = null;
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException tls:
                    return $"the TLS handshake failed: {FirstLine(tls.Message)}";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.TryAgain or SocketError.NoData } socket:
                    return FirstLine(socket.Message);
                case HttpRequestException { HttpRequestError: HttpRequestError.ProxyTunnelError } proxy:
                    return $"the proxy refused the connection: {FirstLine(proxy.Message)}";
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                    or HttpRequestError.SecureConnectionError } http:
                    reason ??= FirstLine(http.Message);
                    break;
                default:
                    break;
            }
        }

        return reason;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
