using System.Net;
using System.Net.Sockets;
using Evidence.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Cli.Tests;

/// <summary><c>evidence serve</c>: where it listens, what it refuses, and that it stops on Ctrl-C.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.20")]
    public void AnAddressBeyondLoopbackWithoutAllowRemoteIsRefusedWith42(string address)
    {
        using var workspace = new WorkspaceBuilder();

        var result = CliRunner.Run("serve", workspace.Root, "--bind", address);

        Assert.Equal(42, result.ExitCode);
        Assert.Contains("--allow-remote", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf(".evidence")), "nothing is written before the bind is allowed");
    }

    [Fact]
    public void APortAlreadyInUseExits43WithAClearMessage()
    {
        using var workspace = new WorkspaceBuilder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = CliRunner.Run("serve", workspace.Root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(43, result.ExitCode);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", result.Error, StringComparison.Ordinal);
        Assert.Contains("choose another --port", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AClientSecretInEvidenceYamlStopsServeWith3AtItsLineBeforeAnythingListens()
    {
        using var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "\nsettings:", "\nserve:\n  oidc:\n    authority: https://acme.okta.example\n    client_id: evidence\n    client_secret: s3cr3t\nsettings:");

        var result = CliRunner.Run("serve", workspace.Root, "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"{workspace.Locate("evidence.yaml", "client_secret")}: the client secret is never written in evidence.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains("EVIDENCE_OIDC_CLIENT_SECRET", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Serving", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--oidc-authority", "http://idp.acme-health.example", "is not an https URL")]
    [InlineData("--oidc-scope", "email", "openid among them")]
    [InlineData("--oidc-redirect-base", "http://evidence.acme-health.example", "is not an https URL")]
    public void ASignInFlagThatBreaksTheFilesRulesIsAUsageError(string flag, string value, string message)
    {
        using var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "\nsettings:", "\nserve:\n  oidc:\n    authority: https://acme.okta.example\n    client_id: evidence\nsettings:");

        var result = CliRunner.Run("serve", workspace.Root, flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServerAnswersOnLoopbackAndStopsCleanlyOnCtrlC()
    {
        using var workspace = new WorkspaceBuilder();
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var context = new CliContext { Out = TextWriter.Synchronized(output), Error = new StringWriter(), Time = new FakeTimeProvider(CliRunner.Now), Cancellation = stop.Token };

        var run = Task.Run(() => EvidenceApp.Run(["serve", workspace.Root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--as-of", "2026-11-21T09:00:00Z"], context), TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var page = await Eventually(() => http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/")), run);
        await stop.CancelAsync();
        var exit = await run;

        Assert.Contains("Compliance dashboard", page, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains($"at http://127.0.0.1:{port}/", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEvidenceYamlThatDoesNotParseIsServedAsItsErrorsAndSignInComesFromTheFlagsOnly()
    {
        using var workspace = new WorkspaceBuilder();
        workspace.Write("evidence.yaml", File.ReadAllText(workspace.PathOf("evidence.yaml")) + "serve: [unclosed\n");
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var error = new StringWriter();
        var context = new CliContext { Out = TextWriter.Null, Error = TextWriter.Synchronized(error), Time = new FakeTimeProvider(CliRunner.Now), Cancellation = stop.Token };

        var run = Task.Run(() => EvidenceApp.Run(["serve", workspace.Root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--as-of", "2026-11-21T09:00:00Z"], context), TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var page = await Eventually(async () => await (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"))).Content.ReadAsStringAsync(), run, error);
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Contains("evidence.yaml:", page, StringComparison.Ordinal);
        Assert.Contains("serve.oidc of evidence.yaml is not read while the file does not parse", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> Eventually(Func<Task<string>> get, Task<int> server, StringWriter? error = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            Assert.False(server.IsCompleted, $"the server stopped before it answered: {error}");
            try
            {
                return await get();
            }
            catch (HttpRequestException) when (attempt < 200)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
