using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// A loopback AWS Config for tests: Kestrel on 127.0.0.1 and a free port, speaking JSON 1.1. It
/// checks each request's X-Amz-Target, content type and SigV4 signature (recomputed with the known
/// secret), answers from <see cref="Data"/> with NextToken paging that honours Limit, and misbehaves
/// on cue: scripted <see cref="Faults"/> (throttling, errors, 500s, malformed or cut-off bodies,
/// dropped connections, a killed server) and an optional <see cref="RateLimit"/>.
/// Point a client at <see cref="Endpoint"/> (for example through AWS_ENDPOINT_URL_CONFIG_SERVICE).
/// </summary>
public sealed class FakeAwsConfigServer : IAsyncDisposable
{
    private const string ContentType = "application/x-amz-json-1.1";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeAwsRequest> _requests = new();
    private int _received;
    private int _rejected;
    private int _stopped;
    private volatile bool _killed;

    private FakeAwsConfigServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base URL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint { get; }

    public FakeConfigData Data { get; } = new();

    /// <summary>Keys the fake accepts; <see cref="FakeAwsCredential.Default"/> unless replaced.</summary>
    public List<FakeAwsCredential> Credentials { get; } = [FakeAwsCredential.Default];

    /// <summary>Scripted faults, tried in order for every signed request; the first that matches answers.</summary>
    public ConcurrentQueue<FakeFault> Faults { get; } = new();

    public FakeRateLimit? RateLimit { get; set; }

    /// <summary>The instant the fake puts in its Date header; now, unless a test fixes it.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Signed requests the fake accepted, in arrival order.</summary>
    public IReadOnlyList<FakeAwsRequest> Requests => [.. _requests];

    /// <summary>Requests turned away before reaching an operation (bad signature, target, content type).</summary>
    public int Rejected => _rejected;

    public static async Task<FakeAwsConfigServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        FakeAwsConfigServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeAwsConfigServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        return server;
    }

    /// <summary>Stops listening at once: open connections close and new ones are refused.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            using var now = new CancellationTokenSource();
            await now.CancelAsync().ConfigureAwait(false);
            await _app.StopAsync(now.Token).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (_killed)
        {
            context.Abort();
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.Headers.Date = Clock().ToString("r", CultureInfo.InvariantCulture);

        var target = context.Request.Headers["X-Amz-Target"].ToString();
        const string prefix = "StarlingDoveService.";
        var operation = target.StartsWith(prefix, StringComparison.Ordinal) ? target[prefix.Length..] : null;
        if (context.Request.Method != "POST" || operation is null || !FakeConfigOperations.IsKnown(operation))
        {
            Interlocked.Increment(ref _rejected);
            await ErrorAsync(context, 400, "UnknownOperationException", $"Unknown operation '{target}'").ConfigureAwait(false);
            return;
        }

        if (context.Request.ContentType != ContentType)
        {
            Interlocked.Increment(ref _rejected);
            await ErrorAsync(context, 400, "SerializationException", $"Content-Type must be {ContentType}, not '{context.Request.ContentType}'").ConfigureAwait(false);
            return;
        }

        if (FakeSignatureVerifier.Verify(context.Request, body, Credentials) is { } failure)
        {
            Interlocked.Increment(ref _rejected);
            var status = failure.Code == "ExpiredTokenException" ? 400 : 403;
            await ErrorAsync(context, status, failure.Code, failure.Message).ConfigureAwait(false);
            return;
        }

        var (credential, region) = Signer(context.Request);
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            json = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            await ErrorAsync(context, 400, "SerializationException", e.Message).ConfigureAwait(false);
            return;
        }

        var request = new FakeAwsRequest(Interlocked.Increment(ref _received), operation, credential.Account, region, json);
        _requests.Enqueue(request);
        if (Faults.FirstOrDefault(f => f.TryTake(request)) is { } fault)
        {
            await MisbehaveAsync(context, fault, request).ConfigureAwait(false);
            return;
        }

        if (RateLimit is { } limit && !limit.TryTake())
        {
            await ErrorAsync(context, 400, "ThrottlingException", "Rate exceeded").ConfigureAwait(false);
            return;
        }

        byte[] answer;
        try
        {
            answer = FakeConfigOperations.Answer(request, Data);
        }
        catch (FakeAwsException e)
        {
            await ErrorAsync(context, e.Status, e.Code, e.Message).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, answer).ConfigureAwait(false);
    }

    private (FakeAwsCredential Credential, string Region) Signer(HttpRequest request)
    {
        var credential = request.Headers.Authorization.ToString().Split("Credential=")[1].Split(',')[0].Split('/');
        return (Credentials.First(c => c.AccessKeyId == credential[0]), credential[2]);
    }

    private async Task MisbehaveAsync(HttpContext context, FakeFault fault, FakeAwsRequest request)
    {
        switch (fault.Kind)
        {
            case FakeFaultKind.Throttle:
                await ErrorAsync(context, 400, "ThrottlingException", "Rate exceeded").ConfigureAwait(false);
                break;
            case FakeFaultKind.Error:
                await ErrorAsync(context, fault.Status, fault.Code, fault.Message).ConfigureAwait(false);
                break;
            case FakeFaultKind.XmlError:
                context.Response.StatusCode = fault.Status;
                context.Response.ContentType = "text/xml";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(
                    $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ErrorResponse><Error><Type>Sender</Type><Code>{fault.Code}</Code><Message>{System.Security.SecurityElement.Escape(fault.Message)}</Message></Error><RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>")).ConfigureAwait(false);
                break;
            case FakeFaultKind.ServerError:
                context.Response.StatusCode = 500;
                context.Response.ContentType = "text/html";
                await context.Response.Body.WriteAsync("<html><body>500 Internal Server Error</body></html>"u8.ToArray()).ConfigureAwait(false);
                break;
            case FakeFaultKind.Malformed:
                await WriteAsync(context, 200, "{\"EvaluationResults\":[{\"ComplianceType\":\"COMPLIANT\","u8.ToArray()).ConfigureAwait(false);
                break;
            case FakeFaultKind.Truncated:
                var full = FakeConfigOperations.Answer(request, Data);
                context.Response.StatusCode = 200;
                context.Response.ContentType = ContentType;
                context.Response.ContentLength = full.Length;
                await context.Response.Body.WriteAsync(full.AsMemory(0, full.Length / 2)).ConfigureAwait(false);
                await context.Response.Body.FlushAsync().ConfigureAwait(false);

                // A reset discards data the client has not read yet: let the half body arrive first.
                await Task.Delay(100).ConfigureAwait(false);
                context.Abort();
                break;
            case FakeFaultKind.DropConnection:
                context.Abort();
                break;
            case FakeFaultKind.Kill:
                // Stop listening first, so that whatever the client tries next finds the port closed.
                _killed = true;
                _ = Task.Run(StopAsync);
                await ListenerProbe.WaitUntilClosedAsync(Endpoint.Port).ConfigureAwait(false);
                context.Abort();
                break;
            case FakeFaultKind.Stall:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, which is the point.
                }

                break;
            default:
                throw new InvalidOperationException($"unknown fault {fault.Kind}");
        }
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.Headers["x-amzn-ErrorType"] = $"{code}:http://internal.amazon.com/coral/com.amazonaws.starlingdove/";
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = code, ["message"] = message }));
        return WriteAsync(context, status, body);
    }

    private static async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
