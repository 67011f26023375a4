using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Evidence.Testing.Fakes;

/// <summary>
/// An SMTP server on 127.0.0.1 that speaks the protocol a relay speaks (greeting, EHLO, MAIL FROM, RCPT TO, DATA
/// with dot-stuffing, RSET, QUIT) and keeps what it is given. An address in <see cref="Refuse"/> is answered
/// "550 no such user", as a relay refuses an unknown mailbox.
/// </summary>
public sealed partial class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeSmtpServer()
    {
        _listener.Start();
        _loop = Task.Run(Accept);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<Message> Received { get; } = new();

    public ConcurrentBag<string> Refuse { get; } = [];

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = Task.Run(() => Converse(client));
        }
    }

    private async Task Converse(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake.smtp.test ESMTP ready");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-fake.smtp.test");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RSET":
                        (from, to) = (null, []);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        from = Address(line);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var rcpt = Address(line);
                        if (Refuse.Contains(rcpt, StringComparer.OrdinalIgnoreCase))
                        {
                            await writer.WriteLineAsync("550 5.1.1 no such user");
                        }
                        else
                        {
                            to.Add(rcpt);
                            await writer.WriteLineAsync("250 OK");
                        }

                        break;
                    case "DATA":
                        if (from is null || to.Count == 0)
                        {
                            await writer.WriteLineAsync("503 need MAIL and RCPT first");
                            break;
                        }

                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } d && d != ".")
                        {
                            data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                        }

                        Received.Enqueue(new Message(from, to.ToList(), data.ToString()));
                        (from, to) = (null, []);
                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 command not implemented");
                        break;
                }
            }
        }
    }

    private static string Address(string line) => AngleAddress().Match(line) is { Success: true } m ? m.Groups[1].Value : string.Empty;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AngleAddress();

    /// <summary>One message as the server received it: the envelope and the raw data, with the body decoded for reading.</summary>
    public sealed partial record Message(string From, IReadOnlyList<string> To, string Data)
    {
        /// <summary>The subject and the text body, undoing base64, quoted-printable and encoded words.</summary>
        public string Text
        {
            get
            {
                var split = Data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                var headers = Data[..split];
                var body = Data[(split + 4)..];
                var encoding = TransferEncoding().Match(headers).Groups[1].Value.ToLowerInvariant();
                body = encoding switch
                {
                    "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", string.Empty, StringComparison.Ordinal))),
                    "quoted-printable" => QuotedPrintable(body),
                    _ => body,
                };
                var subject = EncodedWord().Replace(SubjectHeader().Match(headers).Groups[1].Value, m => m.Groups[1].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                    ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[2].Value))
                    : QuotedPrintable(m.Groups[2].Value.Replace('_', ' ')));
                return "Subject: " + subject.Replace("\r\n ", string.Empty, StringComparison.Ordinal) + "\n\n" + body.Replace("\r\n", "\n", StringComparison.Ordinal);
            }
        }

        private static string QuotedPrintable(string text)
        {
            var joined = text.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
            var bytes = new List<byte>();
            for (var i = 0; i < joined.Length; i++)
            {
                if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
                {
                    bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        [GeneratedRegex(@"(?im)^Content-Transfer-Encoding:\s*(\S+)")]
        private static partial Regex TransferEncoding();

        [GeneratedRegex(@"(?ims)^Subject:\s*(.*?)\r\n(?!\s)")]
        private static partial Regex SubjectHeader();

        [GeneratedRegex(@"=\?utf-8\?([BQ])\?([^?]*)\?=", RegexOptions.IgnoreCase)]
        private static partial Regex EncodedWord();
    }
}
