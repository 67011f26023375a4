using Evidence.Web.Hosting;
using Evidence.Web.Reminders;
using Evidence.Web.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Web.Tests;

/// <summary>
/// <c>evidence serve</c> on the test server: the same services and pipeline as the CLI's Kestrel host, over a
/// copy of the sample workspace judged as of the sample's instant, with a fake clock for links and sessions.
/// The entry point named is this test assembly's own (the web project is a library; its host is built here).
/// </summary>
public sealed class ServeFactory : WebApplicationFactory<SampleCopy>
{
    public static readonly DateTimeOffset SampleAsOf = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    // clockDriven: no --as-of, so "now" is Clock, which a test moves. realClock: the clock starts at the machine's
    // now, for a test whose tokens (an OpenID Connect provider's) are stamped with real time.
    public ServeFactory(bool remote = false, int signInsPerMinute = 10, bool clockDriven = false, OidcSettings? oidc = null,
        IReadOnlyList<string>? leadRoles = null, SmtpSettings? smtp = null, bool realClock = false, DateTimeOffset? asOf = null)
    {
        Clock = new FakeTimeProvider(realClock ? DateTimeOffset.UtcNow : new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        Options = new ServeOptions
        {
            Workspace = Sample.Root,
            AsOf = clockDriven ? null : asOf ?? SampleAsOf,
            Time = Clock,
            Debounce = TimeSpan.FromMilliseconds(200),
            Remote = remote,
            SignInsPerMinute = signInsPerMinute,
            Oidc = oidc,
            LeadRoles = leadRoles ?? ["compliance-lead"],
            Smtp = smtp,
        };
    }

    public SampleCopy Sample { get; } = new();

    /// <summary>The clock sign-in links and sessions read; a test moves it to expire them.</summary>
    public FakeTimeProvider Clock { get; }

    public ServeOptions Options { get; }

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders())
            .ConfigureWebHost(web => web
                .ConfigureServices(s => ServeApp.AddServices(s, Options))
                .Configure(ServeApp.UsePipeline));

    /// <summary>The workspace is the content root: the test assembly's folder is not a web project's.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(Sample.Root);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Sample.Dispose();
        }
    }
}
