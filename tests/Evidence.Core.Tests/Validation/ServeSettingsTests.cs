using Evidence.Core.Loading;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>
/// <c>serve:</c> in evidence.yaml is read as strictly as the rest: the OpenID Connect provider's addresses must be
/// https (http only on this machine), unknown keys are refused, and a client secret is an error at its line.
/// </summary>
public sealed class ServeSettingsTests
{
    private const string File = "evidence.yaml";

    private static WorkspaceBuilder Given(string oidc) =>
        new WorkspaceBuilder().Replace(File, "\nsettings:", $"\nserve:\n  oidc:\n{string.Join('\n', oidc.Split('\n').Select(l => "    " + l))}\nsettings:");

    private static string Errors(WorkspaceBuilder workspace) =>
        string.Join("\n", workspace.Load().Diagnostics.Select(d => d.ToString()));

    [Fact]
    public void EveryKeyOfTheProviderIsRead()
    {
        using var workspace = Given("""
            authority: https://login.microsoftonline.com/7f3c/v2.0
            client_id: 0d1e2f3a-evidence
            scopes: [openid, email, profile, offline_access]
            email_claim: preferred_username
            redirect_base_url: https://evidence.acme-health.example/compliance
            """);

        var loaded = workspace.Load();
        var oidc = loaded.Workspace!.Serve.Oidc!;

        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(new Uri("https://login.microsoftonline.com/7f3c/v2.0"), oidc.Authority);
        Assert.Equal("0d1e2f3a-evidence", oidc.ClientId);
        Assert.Equal(["openid", "email", "profile", "offline_access"], oidc.Scopes);
        Assert.Equal("preferred_username", oidc.EmailClaim);
        Assert.Equal(new Uri("https://evidence.acme-health.example/compliance"), oidc.RedirectBase);
    }

    [Fact]
    public void WithoutScopesOrAClaimTheDefaultsApplyAndWithoutServeThereIsNoProvider()
    {
        using var workspace = Given("authority: https://acme.okta.example\nclient_id: evidence");
        using var plain = new WorkspaceBuilder();

        var oidc = workspace.Load().Workspace!.Serve.Oidc!;

        Assert.Equal(["openid", "email", "profile"], oidc.Scopes);
        Assert.Equal(("email", (Uri?)null), (oidc.EmailClaim, oidc.RedirectBase));
        Assert.Null(plain.Load().Workspace!.Serve.Oidc);
    }

    [Fact]
    public void AClientSecretInTheFileIsAnErrorAtItsKeySayingToUseTheEnvironmentVariable()
    {
        using var workspace = Given("authority: https://acme.okta.example\nclient_id: evidence\nclient_secret: s3cr3t-value");

        var errors = Errors(workspace);

        Assert.Contains($"{workspace.Locate(File, "client_secret")}: the client secret is never written in evidence.yaml", errors, StringComparison.Ordinal);
        Assert.Contains("set the environment variable EVIDENCE_OIDC_CLIENT_SECRET", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown key 'client_secret'", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.acme-health.example/v2.0", false)]
    [InlineData("ftp://login.acme-health.example", false)]
    [InlineData("login.acme-health.example", false)]
    [InlineData("http://127.0.0.1:8443/", true)]
    [InlineData("http://localhost:5001", true)]
    [InlineData("https://acme.okta.example", true)]
    public void TheAuthorityMustBeHttpsExceptOnThisMachine(string authority, bool accepted)
    {
        using var workspace = Given($"authority: {authority}\nclient_id: evidence");

        var errors = Errors(workspace);

        if (accepted)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains($"{workspace.Locate(File, authority)}: 'authority' in 'serve.oidc' must be an https URL", errors, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnUnknownKeyIsRefusedWithADidYouMean()
    {
        using var workspace = Given("authority: https://acme.okta.example\nclient-id: evidence");

        var errors = Errors(workspace);

        Assert.Contains($"{workspace.Locate(File, "client-id")}: unknown key 'client-id' in 'serve.oidc' (did you mean 'client_id'?)", errors, StringComparison.Ordinal);
        Assert.Contains("'serve.oidc' is missing the required key 'client_id'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void ScopesWithoutOpenidAndARedirectBaseWithAQueryAreErrorsAtTheirValues()
    {
        using var workspace = Given("authority: https://acme.okta.example\nclient_id: evidence\nscopes: [email, profile]\nredirect_base_url: https://evidence.example.org/?next=1");

        var errors = Errors(workspace);

        Assert.Contains($"{workspace.Locate(File, "[email, profile]")}: 'scopes' in 'serve.oidc' must include openid", errors, StringComparison.Ordinal);
        Assert.Contains($"{workspace.Locate(File, "https://evidence.example.org/?next=1")}: 'redirect_base_url' in 'serve.oidc' must be the server's address without a query", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void ServeReadsOnlyItsSectionWithTheSameErrorsAsAFullLoad()
    {
        using var workspace = Given("authority: http://idp.acme-health.example\nclient_id: evidence")
            .Replace(File, "\nsettings:", "\nsettings_typo: 1\nsettings:");

        var (settings, diagnostics) = WorkspaceLoader.LoadServeSettings(workspace.Root);
        var serveErrors = diagnostics.Select(d => d.ToString()).ToList();

        Assert.NotNull(settings);
        Assert.Null(settings.Oidc);
        var error = Assert.Single(serveErrors);
        Assert.Contains(error, Errors(workspace), StringComparison.Ordinal);
        Assert.StartsWith($"{workspace.Locate(File, "http://idp.acme-health.example")}: ", error, StringComparison.Ordinal);
    }
}
