using System.Text.RegularExpressions;
using Evidence.Core.Diagnostics;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>
/// Reads <c>serve:</c> of evidence.yaml: the OpenID Connect provider of <c>evidence serve</c>. Addresses must be https
/// (plain http only on this machine), and the client secret is refused wherever it is written: it belongs in the
/// environment variable <see cref="SecretVariable"/>, which is never committed with the workspace.
/// </summary>
internal static partial class ServeSettingsReader
{
    public const string SecretVariable = "EVIDENCE_OIDC_CLIENT_SECRET";
    public static readonly string[] Keys = ["oidc"];
    private static readonly string[] OidcKeys = ["authority", "client_id", "scopes", "email_claim", "redirect_base_url"];

    /// <summary>Keys refused in <c>serve:</c> and <c>serve.oidc</c>, each with what to do instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["client_secret"] = $"the client secret is never written in evidence.yaml (it would be committed with the workspace); remove 'client_secret' and set the environment variable {SecretVariable} where 'evidence serve' runs",
    };

    public static ServeSettings Read(YamlMap? map) =>
        map is null ? ServeSettings.None : new ServeSettings { Oidc = ReadOidc(map.Map("oidc", "'serve.oidc'", OidcKeys, refused: Secrets)) };

    /// <summary>Only <c>serve:</c> of an evidence.yaml already parsed, for <c>evidence serve</c> to start with before the rest loads.</summary>
    public static ServeSettings ReadSection(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(YamlFile.Locate(file, root), $"evidence.yaml must be a mapping of keys to values, found {YamlMap.Describe(root)}");
            return ServeSettings.None;
        }

        var serve = mapping.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: "serve" }).Value;
        return Read(YamlMap.From(serve is null || YamlMap.IsNull(serve) ? null : serve, file, "'serve'", Keys, diagnostics, Secrets));
    }

    private static OidcProvider? ReadOidc(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var authority = Address(map, "authority", required: true, "https://login.microsoftonline.com/TENANT/v2.0");
        var clientId = map.Text("client_id", required: true);
        if (clientId is { Value.Length: 0 } || clientId?.Value.Any(char.IsWhiteSpace) == true)
        {
            map.Diagnostics.Error(clientId.Value.Location, $"'client_id' in 'serve.oidc' must be the application (client) id the provider gave, without spaces; '{clientId.Value.Value}' is not");
            clientId = null;
        }

        var emailClaim = map.Text("email_claim");
        if (emailClaim is { } claim && !Token().IsMatch(claim.Value))
        {
            map.Diagnostics.Error(claim.Location, $"'email_claim' in 'serve.oidc' must be a claim name such as email or preferred_username; '{claim.Value}' is not");
            emailClaim = null;
        }

        var scopes = Scopes(map);
        var redirect = Address(map, "redirect_base_url", required: false, "https://evidence.example.org");
        if (redirect is { } r && (r.Query.Length > 0 || r.Fragment.Length > 0))
        {
            map.Diagnostics.Error(map.At("redirect_base_url"), "'redirect_base_url' in 'serve.oidc' must be the server's address without a query or fragment, such as https://evidence.example.org; /signin-oidc is added to it");
            redirect = null;
        }

        return authority is null || clientId is null
            ? null
            : new OidcProvider
            {
                Authority = authority, ClientId = clientId.Value.Value, Scopes = scopes ?? OidcProvider.DefaultScopes,
                EmailClaim = emailClaim?.Value ?? OidcProvider.DefaultEmailClaim, RedirectBase = redirect, Location = map.Location,
            };
    }

    private static Uri? Address(YamlMap map, string key, bool required, string example)
    {
        var text = map.Text(key, required);
        if (text is not { } value)
        {
            return null;
        }

        if (Uri.TryCreate(value.Value, UriKind.Absolute, out var uri) && OidcProvider.IsSecureOrLocal(uri))
        {
            return uri;
        }

        map.Diagnostics.Error(value.Location, $"'{key}' in 'serve.oidc' must be an https URL, such as {example}; '{value.Value}' is not (plain http is allowed only on this machine: 127.0.0.1 or localhost)");
        return null;
    }

    private static List<string>? Scopes(YamlMap map)
    {
        var scopes = map.Texts("scopes");
        if (map.Node("scopes") is null)
        {
            return null;
        }

        foreach (var b in scopes.Where(s => !Token().IsMatch(s.Value)).Take(1))
        {
            map.Diagnostics.Error(b.Location, $"each of 'scopes' in 'serve.oidc' is one scope without spaces, such as email; '{b.Value}' is not");
            return null;
        }

        if (!scopes.Any(s => s.Value == "openid"))
        {
            map.Diagnostics.Error(map.At("scopes"), "'scopes' in 'serve.oidc' must include openid (without it the provider sends no id_token); add it, such as [openid, email, profile]");
            return null;
        }

        return scopes.Select(s => s.Value).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^[\x21\x23-\x5B\x5D-\x7E]+$")]
    private static partial Regex Token();
}
