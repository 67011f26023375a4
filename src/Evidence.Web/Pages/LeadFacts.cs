using Evidence.Web.Portal;
using Evidence.Web.State;

namespace Evidence.Web.Pages;

/// <summary>
/// What the lead's page shows beside the snapshot, read from <c>.evidence/</c>: the audit log (activity and
/// reminders) and the link ledger (links in force), gathered once per page.
/// </summary>
internal sealed class LeadFacts
{
    private readonly WorkspaceSnapshot _snapshot;
    private readonly IReadOnlyList<AuditEntry> _audit;

    public LeadFacts(WorkspaceSnapshot snapshot, AuditLog audit, InviteLedger ledger, DateTimeOffset now, bool canMail)
    {
        _snapshot = snapshot;
        _audit = audit.Read();
        CanMail = canMail;
        var used = ledger.UsedIds();
        var revoked = ledger.RevokedIds();
        OpenLinks = ledger.Issued()
            .Where(l => l.Expires > now && !revoked.Contains(l.Id))
            .OrderBy(l => l.IssuedAt)
            .Select(l => (l, used.Contains(l.Id)))
            .ToList();
    }

    public bool CanMail { get; }

    public IReadOnlyList<(IssuedLink Link, bool Used)> OpenLinks { get; }

    /// <summary>The person's latest sign-in, attestation or other act in the audit log, or their latest attestation record on disk.</summary>
    public DateTimeOffset? LastActivity(string person)
    {
        var logged = _audit.Where(e => e.Who == person).Select(e => (DateTimeOffset?)e.At).Max();
        var attested = _snapshot.Loaded.Attestations.Where(a => a.AttestedBy.Value == person).Select(a => (DateTimeOffset?)a.AttestedAt).Max();
        return logged > attested || attested is null ? logged : attested;
    }

    public IReadOnlyList<AuditEntry> RemindersTo(string person) => _audit.Where(e => e.IsReminderSent && e.To == person).ToList();

    public string NameOf(string person) => _snapshot.Loaded.Workspace?.FindPerson(person)?.Name ?? person;
}
