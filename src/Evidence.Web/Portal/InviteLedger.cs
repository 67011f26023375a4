namespace Evidence.Web.Portal;

/// <summary>
/// Which sign-in links were issued (<c>.evidence/invites.jsonl</c>: id, owner, issued, expires; never the link
/// itself) and which were revoked (<c>.evidence/revoked-links</c>), so one link can be revoked by its id
/// without revoking every other. Both files only grow.
/// </summary>
internal sealed class InviteLedger(DataFolder folder)
{
    private const string IssuedFile = "invites.jsonl";
    private const string RevokedFile = "revoked-links";
    private static readonly Lock Gate = new();

    private readonly JsonLinesFile _issued = new(folder, IssuedFile);
    private Revoked _revoked = Revoked.None;

    /// <summary>The short id a link is known by: the first 12 hex digits of its random nonce.</summary>
    public static string IdOf(string nonce) => nonce.Length >= 12 ? nonce[..12] : nonce;

    public void Record(IssuedLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        _issued.Append(new Dictionary<string, string?>
        {
            ["id"] = link.Id,
            ["owner"] = link.Owner,
            ["issued_at"] = Core.Yaml.Timestamps.Format(link.IssuedAt),
            ["expires"] = Core.Yaml.Timestamps.Format(link.Expires),
        });
    }

    /// <summary>Every link issued, oldest first; a damaged line is passed over (the file is a record, not a gate).</summary>
    public IReadOnlyList<IssuedLink> Issued() => _issued.Read(fields =>
        fields.GetValueOrDefault("id") is { } id && fields.GetValueOrDefault("owner") is { } owner
            && JsonLinesFile.Instant(fields, "issued_at") is { } issued && JsonLinesFile.Instant(fields, "expires") is { } expires
            ? new IssuedLink(id, owner, issued, expires)
            : null);

    /// <summary>
    /// Whether the link <paramref name="id"/> was revoked. Every request a link's session makes asks this, so
    /// the file is read again only when its length or time stamp moved (it only grows, from here or from
    /// 'serve revoke' in another process): a request costs a stat, not a read.
    /// </summary>
    public bool IsRevoked(string id) => RevokedIds().Contains(id);

    /// <summary>The ids of every revoked link.</summary>
    public IReadOnlySet<string> RevokedIds()
    {
        var file = new FileInfo(folder.Combine(RevokedFile));
        if (!file.Exists)
        {
            return Revoked.None.Ids;
        }

        var cached = Volatile.Read(ref _revoked);
        if (cached.Length == file.Length && cached.Stamp == file.LastWriteTimeUtc)
        {
            return cached.Ids;
        }

        var read = new Revoked(file.Length, file.LastWriteTimeUtc, File.ReadAllLines(file.FullName).ToHashSet(StringComparer.Ordinal));
        Volatile.Write(ref _revoked, read);
        return read.Ids;
    }

    /// <summary>The ids of links already used to sign in.</summary>
    public IReadOnlySet<string> UsedIds() => Lines(InviteTokens.UsedFile).Select(IdOf).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Revokes the link <paramref name="id"/>: it signs nobody in again, and a session it started ends. Returns the
    /// link as issued (null when none has that id), so a caller that reports it need not read the ledger again.
    /// </summary>
    public (RevokeOutcome Outcome, IssuedLink? Link) Revoke(string id)
    {
        var link = Issued().FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));
        if (link is null)
        {
            return (RevokeOutcome.Unknown, null);
        }

        lock (Gate)
        {
            if (IsRevoked(link.Id))
            {
                return (RevokeOutcome.AlreadyRevoked, link);
            }

            folder.Ensure();
            File.AppendAllText(folder.Combine(RevokedFile), link.Id + "\n");
        }

        return (RevokeOutcome.Revoked, link);
    }

    private string[] Lines(string name)
    {
        var path = folder.Combine(name);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    private sealed record Revoked(long Length, DateTime Stamp, HashSet<string> Ids)
    {
        public static readonly Revoked None = new(-1, default, []);
    }
}
