using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Signing;

namespace Evidence.Collectors.Aws.Tests.Moto;

/// <summary>
/// The moto AWS emulator (<c>moto_server</c>, installed with boto3 in the machine's Python) on
/// 127.0.0.1 and a free port, for one test class. Without it on the PATH, <see cref="StartAsync"/>
/// returns why and the tests skip. moto starts with authentication off so that the fixture can create
/// IAM users and keys; <see cref="RequireSignaturesAsync"/> then turns it on for every later
/// request (<c>/moto-api/reset-auth</c> 0, what <c>INITIAL_NO_AUTH_ACTION_COUNT=0</c> does at
/// start), and from there moto checks each request's SigV4 signature and IAM permissions itself.
/// Disposing kills the server and whatever it started.
/// </summary>
internal sealed class MotoServer : IAsyncDisposable
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    private static readonly AwsCredentials SetupKey = new("AKIAIOSFODNN7EXAMPLE", "moto-does-not-check-this-before-auth-is-on");

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private MotoServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    /// <summary>The base URL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint { get; }

    /// <summary>Starts moto, or returns why it cannot run here.</summary>
    public static async Task<(MotoServer? Server, string? SkipReason)> StartAsync(CancellationToken cancellationToken)
    {
        if (Find("moto_server") is not { } executable)
        {
            return (null, "moto_server is not installed (pip install 'moto[server]' boto3 to run the tests against moto)");
        }

        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "-H", IPAddress.Loopback.ToString(), "-p", port.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("INITIAL_NO_AUTH_ACTION_COUNT");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await server.WaitUntilListeningAsync(port, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            return failure.Contains("No module named", StringComparison.Ordinal) || failure.Contains("not found", StringComparison.Ordinal)
                ? (null, $"moto_server cannot run here: {failure}")
                : throw new InvalidOperationException($"moto_server did not start: {failure}");
        }

        return (server, null);
    }

    /// <summary>From now on moto verifies every request's signature and the caller's IAM permissions.</summary>
    public async Task RequireSignaturesAsync(CancellationToken cancellationToken)
    {
        using var content = new StringContent("0", Encoding.UTF8, "text/plain");
        using var response = await _http.PostAsync(new Uri(Endpoint, "moto-api/reset-auth"), content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Creates an IAM user with an access key, allowed everything or nothing.</summary>
    public async Task<AwsCredentials> CreateUserAsync(string name, bool allowEverything, CancellationToken cancellationToken)
    {
        await IamAsync($"Action=CreateUser&UserName={name}", cancellationToken).ConfigureAwait(false);
        if (allowEverything)
        {
            var policy = Uri.EscapeDataString("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
            await IamAsync($"Action=PutUserPolicy&UserName={name}&PolicyName=everything&PolicyDocument={policy}", cancellationToken).ConfigureAwait(false);
        }

        var key = await IamAsync($"Action=CreateAccessKey&UserName={name}", cancellationToken).ConfigureAwait(false);
        string Field(string field) => key.Descendants().First(e => e.Name.LocalName == field).Value;
        return new AwsCredentials(Field("AccessKeyId"), Field("SecretAccessKey"));
    }

    /// <summary>Calls an AWS Config operation (JSON 1.1) and fails unless it succeeds.</summary>
    public async Task ConfigAsync(string operation, string json, CancellationToken cancellationToken)
    {
        using var request = Signed("config", "application/x-amz-json-1.1", Encoding.UTF8.GetBytes(json), $"StarlingDoveService.{operation}");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await Ensure(response, operation, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the check and the kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task<XDocument> IamAsync(string form, CancellationToken cancellationToken)
    {
        using var request = Signed("iam", "application/x-www-form-urlencoded; charset=utf-8", Encoding.UTF8.GetBytes($"{form}&Version=2010-05-08"), target: null);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await Ensure(response, form, cancellationToken).ConfigureAwait(false);
        return XDocument.Parse(body);
    }

    private HttpRequestMessage Signed(string service, string contentType, byte[] body, string? target)
    {
        var host = $"{Endpoint.Host}:{Endpoint.Port}";
        var headers = new List<KeyValuePair<string, string>> { new("Host", host), new("Content-Type", contentType) };
        if (target is not null)
        {
            headers.Add(new("X-Amz-Target", target));
        }

        var signature = SigV4Signer.Sign(new SigningRequest("POST", "/", string.Empty, headers, body), SetupKey, DateTimeOffset.UtcNow, new SigningOptions(Region, service));
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        foreach (var (name, value) in headers.Where(h => h.Key != "Content-Type").Concat(signature.AddedHeaders))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return request;
    }

    private static async Task<string> Ensure(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"moto refused {what}: {(int)response.StatusCode} {body}");
    }

    private async Task<string?> WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                return $"exit code {_process.ExitCode}: {Output()}";
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }

        return $"not listening on port {port} after 60 s: {Output()}";
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > 8192)
            {
                _output.Remove(0, _output.Length - 8192);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString().Trim();
        }
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
