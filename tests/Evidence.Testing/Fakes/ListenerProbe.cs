using System.Net;
using System.Net.Sockets;

namespace Evidence.Testing.Fakes;

/// <summary>Waits for a fake server's port to refuse connections, so that a "killed" server is really gone.</summary>
public static class ListenerProbe
{
    /// <summary>Returns once a connection to <paramref name="port"/> on the loopback address is refused (or after 5 seconds).</summary>
    public static async Task WaitUntilClosedAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                return;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }
}
