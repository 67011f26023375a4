namespace Evidence.Web.Portal;

/// <summary>What checking a sign-in link found: the owner it signs in, or why it is refused.</summary>
public sealed record InviteCheck(string? Owner, string Nonce, string? Refusal)
{
    /// <summary>The id the link is listed and revoked by.</summary>
    public string LinkId => InviteLedger.IdOf(Nonce);

    public static InviteCheck Refused(string why) => new(null, string.Empty, why);
}
