using System.CommandLine;
using Evidence.Core.Workspaces;
using Evidence.Web.Reminders;
using Evidence.Web.SignIn;

namespace Evidence.Cli.Commands;

/// <summary>
/// The sign-in and mail flags of <c>evidence serve</c> (and <c>serve remind</c>), and the settings they make. A sign-in
/// flag overrides the same key of <c>serve.oidc</c> in evidence.yaml. Secrets are never flags nor in the file: the
/// OpenID Connect client secret and the SMTP password are read from environment variables.
/// </summary>
internal sealed class ServeFlags
{
    public const string OidcSecretVariable = "EVIDENCE_OIDC_CLIENT_SECRET";
    public const string SmtpPasswordVariable = "EVIDENCE_SMTP_PASSWORD";

    public Option<string?> OidcAuthority { get; } = new("--oidc-authority") { Description = "The OpenID Connect provider (issuer URL, https; http only on this machine). Turns on 'Sign in with your organization'. Default: serve.oidc.authority of evidence.yaml." };

    public Option<string?> OidcClientId { get; } = new("--oidc-client-id") { Description = "The client (application) id registered with the provider; its redirect URI is <server>/signin-oidc. Default: serve.oidc.client_id." };

    public Option<string?> OidcEmailClaim { get; } = new("--oidc-email-claim") { Description = "The claim matched against people[].email. Default: serve.oidc.email_claim, else email." };

    public Option<string[]> OidcScopes { get; } = new("--oidc-scope") { Description = "A scope to ask for, openid among them (repeatable). Default: serve.oidc.scopes, else openid email profile.", AllowMultipleArgumentsPerToken = false };

    public Option<string?> OidcRedirectBase { get; } = new("--oidc-redirect-base") { Description = "The address people reach the server at, behind a proxy (https); the redirect URI is it followed by /signin-oidc. Default: serve.oidc.redirect_base_url." };

    public Option<string[]> LeadRoles { get; } = new("--lead-role") { Description = "A role of evidence.yaml whose people are compliance leads (repeatable). Default: compliance-lead.", AllowMultipleArgumentsPerToken = false };

    public Option<string?> SmtpHost { get; } = new("--smtp-host") { Description = "The mail server reminders go through. Without it reminders are a message to copy." };

    public Option<int> SmtpPort { get; } = new("--smtp-port") { Description = "The mail server's port. Default: 587.", DefaultValueFactory = _ => 587 };

    public Option<string?> SmtpFrom { get; } = new("--smtp-from") { Description = "The sender address of reminders." };

    public Option<string?> SmtpUser { get; } = new("--smtp-user") { Description = $"The user to sign in to the mail server as; the password is read from {SmtpPasswordVariable}." };

    public Option<bool> SmtpNoTls { get; } = new("--smtp-no-tls") { Description = "Send without STARTTLS: only for a relay on this machine." };

    public IEnumerable<Option> Sign => [OidcAuthority, OidcClientId, OidcEmailClaim, OidcScopes, OidcRedirectBase, LeadRoles];

    public IEnumerable<Option> Mail => [SmtpHost, SmtpPort, SmtpFrom, SmtpUser, SmtpNoTls];

    /// <summary>The provider to sign in with: each flag given, else the same key of <paramref name="file"/> (serve.oidc), else none.</summary>
    public OidcSettings? Oidc(ParseResult parse, CliContext context, OidcProvider? file)
    {
        var authority = parse.GetValue(OidcAuthority) is { } text ? Address(text, OidcAuthority.Name, "https://login.microsoftonline.com/TENANT/v2.0") : file?.Authority;
        var clientId = parse.GetValue(OidcClientId) ?? file?.ClientId;
        if (authority is null)
        {
            return clientId is null ? null : throw UserException.Usage("--oidc-client-id needs --oidc-authority (the provider's issuer URL) or serve.oidc in evidence.yaml");
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw UserException.Usage("--oidc-authority needs --oidc-client-id (the application id registered with the provider) or serve.oidc.client_id in evidence.yaml");
        }

        var scopes = parse.GetValue(OidcScopes) is { Length: > 0 } given ? given.Distinct(StringComparer.Ordinal).ToList() : file?.Scopes ?? OidcProvider.DefaultScopes;
        if (!scopes.Contains("openid", StringComparer.Ordinal) || scopes.Any(s => s.Length == 0 || s.Any(char.IsWhiteSpace)))
        {
            throw UserException.Usage($"--oidc-scope: give each scope on its own, openid among them (such as --oidc-scope openid --oidc-scope email); '{string.Join(' ', scopes)}' is not that");
        }

        return new OidcSettings(authority, clientId, context.Environment(OidcSecretVariable) is { Length: > 0 } secret ? secret : null)
        {
            EmailClaim = parse.GetValue(OidcEmailClaim) ?? file?.EmailClaim ?? OidcProvider.DefaultEmailClaim,
            Scopes = scopes,
            RedirectBase = parse.GetValue(OidcRedirectBase) is { } redirect ? Address(redirect, OidcRedirectBase.Name, "https://evidence.example.org") : file?.RedirectBase,
        };
    }

    /// <summary>A sign-in address from a flag, held to the same rule as evidence.yaml's: https, or http only on this machine.</summary>
    private static Uri Address(string text, string flag, string example) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && OidcProvider.IsSecureOrLocal(uri) && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : throw UserException.Usage($"{flag} '{text}' is not an https URL (such as {example}); plain http is allowed only on this machine (127.0.0.1 or localhost)");

    public IReadOnlyList<string> LeadRolesOf(ParseResult parse) =>
        parse.GetValue(LeadRoles) is { Length: > 0 } roles ? roles : [Leads.DefaultRole];

    public SmtpSettings? Smtp(ParseResult parse, CliContext context)
    {
        var host = parse.GetValue(SmtpHost);
        if (host is null)
        {
            return null;
        }

        var from = parse.GetValue(SmtpFrom);
        if (string.IsNullOrWhiteSpace(from) || !System.Net.Mail.MailAddress.TryCreate(from, out _))
        {
            throw UserException.Usage($"--smtp-host needs --smtp-from with the sender's e-mail address{(from is null ? string.Empty : $" ('{from}' is not one)")}");
        }

        var port = parse.GetValue(SmtpPort);
        if (port is < 1 or > 65535)
        {
            throw UserException.Usage($"--smtp-port {port}: a port is from 1 to 65535");
        }

        var user = parse.GetValue(SmtpUser);
        var password = context.Environment(SmtpPasswordVariable);
        if (user is not null && string.IsNullOrEmpty(password))
        {
            throw UserException.Usage($"--smtp-user {user} needs the password in the environment variable {SmtpPasswordVariable}");
        }

        return new SmtpSettings(host, port, from) { UserName = user, Password = user is null ? null : password, StartTls = !parse.GetValue(SmtpNoTls) };
    }
}
