namespace Evidence.Web.Portal;

/// <summary>What revoking a link by its id did.</summary>
internal enum RevokeOutcome
{
    Revoked,
    AlreadyRevoked,
    Unknown,
}
