namespace Evidence.Core.Workspaces;

/// <summary>How <c>evidence serve</c> runs for this workspace (<c>serve:</c> in evidence.yaml); its flags override these.</summary>
public sealed record ServeSettings
{
    public static ServeSettings None { get; } = new();

    /// <summary>Sign-in through the organization's OpenID Connect provider; null when only invite links sign people in.</summary>
    public OidcProvider? Oidc { get; init; }
}
