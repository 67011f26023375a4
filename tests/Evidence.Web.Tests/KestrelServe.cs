using System.Net;
using Evidence.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Evidence.Web.Tests;

/// <summary>
/// <c>evidence serve</c> on a real Kestrel at 127.0.0.1 and a free port, built exactly as the CLI's ServeCommand
/// builds it (slim builder, no request logs, the shared services and pipeline, the system clock), over a copy of
/// the sample judged as of the sample's instant. A browser can reach it; the test server cannot be.
/// </summary>
public sealed class KestrelServe : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelServe(SampleCopy sample, WebApplication app, Uri url)
    {
        Sample = sample;
        _app = app;
        Url = url;
    }

    public SampleCopy Sample { get; }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Url { get; }

    public static async Task<KestrelServe> Start(CancellationToken cancel, bool withRecordings = false)
    {
        var sample = new SampleCopy(withRecordings);
        var options = new ServeOptions { Workspace = sample.Root, AsOf = ServeFactory.SampleAsOf, Time = TimeProvider.System };
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = sample.Root });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        ServeApp.AddServices(builder.Services, options);
        var app = builder.Build();
        ServeApp.UsePipeline(app);
        await app.StartAsync(cancel);
        var address = app.Urls.Single();
        return new KestrelServe(sample, app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Sample.Dispose();
    }
}
