using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// A loopback Azure Resource Manager that answers Policy Insights <c>policyStates/latest/queryResults</c>
/// (and Resource Graph <c>resources</c> queries, see <see cref="FakeResourceGraph"/>) over https with a self-signed certificate made for it. It checks the bearer token, serves the states
/// it was given per scope and filter in pages of <c>$top</c> chained by <c>@odata.nextLink</c> (absolute,
/// to itself), and spoils requests on request: 429 with Retry-After (scripted or past a rate), 500,
/// ResponseTooLarge above a page size, malformed or cut-off bodies, dropped connections, 401 and 403.
/// <code>
/// await using var server = await FakeAzureServer.StartAsync();
/// server.AddStates(subscription, FakePolicyState.StorageAccounts(subscription, definition, 2500, at));
/// using var transport = new HttpClientTransport(server.CreateHandler());   // trusts this server's certificate only
/// // point the client at server.Endpoint and give it a credential whose token is server.AccessToken
/// </code>
/// </summary>
public sealed class FakeAzureServer : IAsyncDisposable
{
    /// <summary>The bearer token the server accepts unless told otherwise.</summary>
    public const string DefaultAccessToken = "fake-arm-access-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeAzureFault> _faults = new();
    private readonly ConcurrentDictionary<int, FakeAzureRequest> _requests = new();
    private readonly FakeRateLimit _rate = new();
    private readonly ConcurrentDictionary<string, FakeRateLimit> _scopeRates = new(StringComparer.OrdinalIgnoreCase);
    private int _requestCount;
    private int? _killAfter;
    private int _killed;

    private FakeAzureServer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
        Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    /// <summary>https://127.0.0.1:port, set once the server listens.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate's SHA-256 thumbprint, in upper-case hex.</summary>
    public string Thumbprint { get; }

    /// <summary>The bearer token requests must carry.</summary>
    public string AccessToken { get; set; } = DefaultAccessToken;

    /// <summary>When true every request is answered 401 ExpiredAuthenticationToken, whatever its token.</summary>
    public bool TokenExpired { get; set; }

    /// <summary>Records per page when a request names no <c>$top</c>.</summary>
    public int DefaultPageSize { get; set; } = 1000;

    /// <summary>A <c>$top</c> above this is answered 400 ResponseTooLarge; no limit when null.</summary>
    public int? MaxPageSize { get; set; }

    /// <summary>
    /// When true a request that names <c>$top</c> gets that many records and no <c>@odata.nextLink</c>
    /// (what <c>$top</c> means in OData: the first N records, not pages of N).
    /// </summary>
    public bool TopCapsTotal { get; set; }

    /// <summary>When false no page has an <c>@odata.nextLink</c>: every answer is its first page only.</summary>
    public bool NextLinks { get; set; } = true;

    /// <summary>Requests per second past which the server answers 429; no limit when null.</summary>
    public double? RequestsPerSecond { get; set; }

    /// <summary>Requests the bucket holds after a quiet spell; one second's worth when null.</summary>
    public int? Burst { get; set; }

    /// <summary>
    /// When true <see cref="RequestsPerSecond"/> is a bucket per scope (subscription or management group), as
    /// Resource Manager counts reads per subscription and principal; when false one bucket for everything.
    /// </summary>
    public bool RateLimitPerScope { get; set; }

    /// <summary>The Retry-After of a 429, in seconds, unless a fault says otherwise.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Every request so far, in the order they arrived, with the status each was answered.</summary>
    public IReadOnlyList<FakeAzureRequest> Requests => [.. _requests.Values.OrderBy(r => r.Number)];

    /// <summary>The Resource Graph this server answers <c>/providers/Microsoft.ResourceGraph/resources</c> from.</summary>
    public FakeResourceGraph Graph { get; } = new();

    /// <summary>What the Date header says; null leaves the server's own (the current time).</summary>
    public Func<DateTimeOffset>? Clock { get; set; }

    public static async Task<FakeAzureServer> StartAsync()
    {
        var certificate = FakeCertificate.Create(DateTimeOffset.UtcNow);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var server = new FakeAzureServer(app, certificate);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        server.Endpoint = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>The policy states, management groups and refused scopes Policy Insights answers from.</summary>
    public FakePolicyInsights PolicyInsights { get; } = new();

    /// <summary>Adds states to a scope: a subscription id, or a management group's name.</summary>
    public FakeAzureServer AddStates(string scope, IEnumerable<FakePolicyState> states)
    {
        PolicyInsights.AddStates(scope, states);
        return this;
    }

    /// <summary>A management group holding <paramref name="members"/> (subscription ids, other groups' names).</summary>
    public FakeAzureServer AddManagementGroup(string name, IEnumerable<string> members)
    {
        PolicyInsights.AddManagementGroup(name, members);
        return this;
    }

    /// <summary>Answers every request on a scope 403 AuthorizationFailed.</summary>
    public FakeAzureServer Forbid(string scope)
    {
        PolicyInsights.Forbid(scope);
        return this;
    }

    /// <summary>Spoils requests as <paramref name="fault"/> says; faults are tried in the order they were added.</summary>
    public FakeAzureServer Inject(FakeAzureFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _faults.Enqueue(fault);
        return this;
    }

    /// <summary>After answering <paramref name="requests"/> requests, drops the next one's connection and stops listening.</summary>
    public FakeAzureServer KillAfter(int requests)
    {
        _killAfter = requests;
        return this;
    }

    /// <summary>A handler that trusts exactly this server's certificate, by its SHA-256 thumbprint, and nothing else.</summary>
    public HttpMessageHandler CreateHandler()
    {
        var expected = Thumbprint;
        return new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), expected, StringComparison.OrdinalIgnoreCase),
            },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
    }

    /// <summary>Up to twenty of the states on the request's scope, to make a page of for a cut-off body.</summary>
    internal List<FakePolicyState> SampleOfStates(FakeAzureRequest request) =>
        request.Scope is { } scope && PolicyInsights.StatesIn(scope) is { Count: > 0 } all
            ? [.. all.Take(20)]
            : [.. FakePolicyState.StorageAccounts(Guid.Empty.ToString(), "fake", 20, DateTimeOffset.UnixEpoch)];

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 0)
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _requestCount);
        var request = FakeAzureRequest.From(context, number);

        // Logged on arrival and again as the answer starts, so a test that has its response sees it logged.
        _requests[number] = request;
        context.Response.OnStarting(() =>
        {
            if (Clock is { } clock)
            {
                context.Response.Headers.Date = clock().ToString("r", CultureInfo.InvariantCulture);
            }

            _requests[number] = request with { Status = context.Response.StatusCode };
            return Task.CompletedTask;
        });
        await AnswerAsync(context, request).ConfigureAwait(false);
    }

    private async Task<int> AnswerAsync(HttpContext context, FakeAzureRequest request)
    {
        if (_killAfter is { } limit && request.Number > limit)
        {
            // Stop listening first, so that whatever the client tries next finds the port closed.
            _ = Task.Run(StopAsync);
            await ListenerProbe.WaitUntilClosedAsync(Endpoint.Port).ConfigureAwait(false);
            context.Abort();
            return 0;
        }

        if (TokenExpired)
        {
            return await FakeArmReplies.ExpiredAsync(context).ConfigureAwait(false);
        }

        if (request.Authorization != "Bearer " + AccessToken)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer authorization_uri=\"https://login.example.invalid/\", error=\"invalid_token\", error_description=\"The access token is not valid.\"";
            return await FakeArmReplies.ErrorAsync(context, 401, "InvalidAuthenticationToken", "The access token is invalid.").ConfigureAwait(false);
        }

        foreach (var fault in _faults)
        {
            if (fault.TryApply(request))
            {
                return await FakeFaultReplies.SpoilAsync(context, request, fault, this).ConfigureAwait(false);
            }
        }

        var bucket = RateLimitPerScope ? _scopeRates.GetOrAdd(request.Scope ?? string.Empty, _ => new FakeRateLimit()) : _rate;
        if (RequestsPerSecond is { } rate && !bucket.TryTake(rate, Burst))
        {
            return await FakeArmReplies.ThrottleAsync(context, RetryAfterSeconds).ConfigureAwait(false);
        }

        return await ServeAsync(context, request).ConfigureAwait(false);
    }

    private async Task<int> ServeAsync(HttpContext context, FakeAzureRequest request)
    {
        if (string.Equals(context.Request.Path.Value, FakeResourceGraph.Path, StringComparison.OrdinalIgnoreCase))
        {
            return await Graph.ServeAsync(context, PolicyInsights).ConfigureAwait(false);
        }

        if (request.Scope is null)
        {
            return await FakeArmReplies.ErrorAsync(context, 404, "InvalidResourceType", $"The resource type could not be found for '{context.Request.Path}'.").ConfigureAwait(false);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return await FakeArmReplies.ErrorAsync(context, 405, "MethodNotAllowed", $"{request.Operation} takes POST.").ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(context.Request.Query["api-version"]))
        {
            return await FakeArmReplies.ErrorAsync(context, 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.").ConfigureAwait(false);
        }

        return await PolicyInsights.ServeAsync(context, request, this).ConfigureAwait(false);
    }
}
