namespace Evidence.Web.Portal;

/// <summary>What revoking a link by its id did.</summary>
public enum RevokeOutcome
{
    Revoked,
    AlreadyRevoked,
    Unknown,
}
