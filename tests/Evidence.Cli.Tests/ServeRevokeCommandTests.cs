using System.Text.RegularExpressions;
using Evidence.Testing;
using Evidence.Web.Portal;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Cli.Tests;

/// <summary><c>evidence serve revoke ID</c> and the sign-in flags of <c>evidence serve</c>.</summary>
public sealed partial class ServeRevokeCommandTests : IDisposable
{
    private readonly TempDirectory _copy = new();

    public ServeRevokeCommandTests() => ServeSampleCopy.Make(_copy.Path);

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void RevokingALinkByTheIdInvitePrintedStopsThatLinkButNotAnother()
    {
        var first = CliRunner.Run("serve", "invite", "rachel-okafor", "-w", _copy.Path);
        var second = CliRunner.Run("serve", "invite", "hannah-cole", "-w", _copy.Path);
        var id = LinkId().Match(first.Error).Groups[1].Value;

        var revoke = CliRunner.Run("serve", "revoke", id, "-w", _copy.Path);
        var again = CliRunner.Run("serve", "revoke", id, "-w", _copy.Path);

        Assert.Equal(0, revoke.ExitCode);
        Assert.Contains($"Revoked link {id} for rachel-okafor", revoke.Out, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already revoked", again.Out, StringComparison.Ordinal);
        var tokens = new InviteTokens(new DataFolder(_copy.Path), new FakeTimeProvider(CliRunner.Now));
        Assert.Contains("revoked", tokens.Read(Token(first.Out)).Refusal, StringComparison.Ordinal);
        Assert.Equal("hannah-cole", tokens.Read(Token(second.Out)).Owner);
    }

    [Fact]
    public void AnIdNoLinkHadIsAUsageErrorWithASuggestion()
    {
        var issued = CliRunner.Run("serve", "invite", "rachel-okafor", "-w", _copy.Path);
        var id = LinkId().Match(issued.Error).Groups[1].Value;

        var result = CliRunner.Run("serve", "revoke", id[..11] + (id[11] == '0' ? "1" : "0"), "-w", _copy.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no sign-in link", result.Error, StringComparison.Ordinal);
        Assert.Contains(id, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--oidc-authority", "http://login.example.com/tenant", "https URL")]
    [InlineData("--oidc-authority", "https://login.example.com/tenant", "--oidc-client-id")]
    [InlineData("--oidc-client-id", "abc", "--oidc-authority")]
    public void OpenIdConnectFlagsAreCheckedBeforeAnythingIsServed(string option, string value, string expected)
    {
        var result = CliRunner.Run("serve", _copy.Path, option, value, "--port", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    private static string Token(string link) => link.Trim()[(link.Trim().LastIndexOf('/') + 1)..];

    [GeneratedRegex("Link id ([0-9a-f]{12})")]
    private static partial Regex LinkId();
}
