namespace Evidence.Web.Portal;

/// <summary>One sign-in link as the ledger keeps it: its short id, whom it signs in, when it was made and until when it works.</summary>
internal sealed record IssuedLink(string Id, string Owner, DateTimeOffset IssuedAt, DateTimeOffset Expires);
