namespace Evidence.Web.Portal;

/// <summary>What became of an attestation posted in the portal: an HTTP status and a sentence for the owner.</summary>
internal sealed record AttestOutcome(int Status, string Message);
