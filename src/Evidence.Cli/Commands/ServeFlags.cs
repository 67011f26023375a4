using System.CommandLine;
using Evidence.Web.Reminders;
using Evidence.Web.SignIn;

namespace Evidence.Cli.Commands;

/// <summary>
/// The sign-in and mail flags of <c>evidence serve</c> (and <c>serve remind</c>), and the settings they make. Secrets
/// are never flags: the OpenID Connect client secret and the SMTP password are read from environment variables.
/// </summary>
internal sealed class ServeFlags
{
    public const string OidcSecretVariable = "EVIDENCE_OIDC_CLIENT_SECRET";
    public const string SmtpPasswordVariable = "EVIDENCE_SMTP_PASSWORD";

    public Option<string?> OidcAuthority { get; } = new("--oidc-authority") { Description = "The OpenID Connect provider (issuer URL, https; http only on this machine). Turns on 'Sign in with your organization'." };

    public Option<string?> OidcClientId { get; } = new("--oidc-client-id") { Description = "The client (application) id registered with the provider; its redirect URI is <server>/signin-oidc." };

    public Option<string> OidcEmailClaim { get; } = new("--oidc-email-claim") { Description = "The claim matched against people[].email. Default: email.", DefaultValueFactory = _ => "email" };

    public Option<string[]> LeadRoles { get; } = new("--lead-role") { Description = "A role of evidence.yaml whose people are compliance leads (repeatable). Default: compliance-lead.", AllowMultipleArgumentsPerToken = false };

    public Option<string?> SmtpHost { get; } = new("--smtp-host") { Description = "The mail server reminders go through. Without it reminders are a message to copy." };

    public Option<int> SmtpPort { get; } = new("--smtp-port") { Description = "The mail server's port. Default: 587.", DefaultValueFactory = _ => 587 };

    public Option<string?> SmtpFrom { get; } = new("--smtp-from") { Description = "The sender address of reminders." };

    public Option<string?> SmtpUser { get; } = new("--smtp-user") { Description = $"The user to sign in to the mail server as; the password is read from {SmtpPasswordVariable}." };

    public Option<bool> SmtpNoTls { get; } = new("--smtp-no-tls") { Description = "Send without STARTTLS: only for a relay on this machine." };

    public IEnumerable<Option> Sign => [OidcAuthority, OidcClientId, OidcEmailClaim, LeadRoles];

    public IEnumerable<Option> Mail => [SmtpHost, SmtpPort, SmtpFrom, SmtpUser, SmtpNoTls];

    public OidcSettings? Oidc(ParseResult parse, CliContext context)
    {
        var authority = parse.GetValue(OidcAuthority);
        var clientId = parse.GetValue(OidcClientId);
        if (authority is null)
        {
            return clientId is null ? null : throw UserException.Usage("--oidc-client-id needs --oidc-authority (the provider's issuer URL)");
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw UserException.Usage($"--oidc-authority '{authority}' is not an https URL (such as https://login.microsoftonline.com/TENANT/v2.0); plain http is allowed only for a provider on this machine");
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw UserException.Usage("--oidc-authority needs --oidc-client-id (the application id registered with the provider)");
        }

        return new OidcSettings(uri, clientId, context.Environment(OidcSecretVariable) is { Length: > 0 } secret ? secret : null)
        {
            EmailClaim = parse.GetValue(OidcEmailClaim)!,
        };
    }

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
