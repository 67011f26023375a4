namespace Evidence.Web.Portal;

/// <summary>
/// <c>.evidence/audit.jsonl</c>: one JSON line per sign-in, sign-out, attestation and refusal: who, what,
/// when and from where. Only ids go in: never a comment, a finding or anything read from evidence.
/// </summary>
internal sealed class AuditLog(DataFolder folder, TimeProvider time)
{
    public const string FileName = "audit.jsonl";

    private readonly JsonLinesFile _file = new(folder, FileName);
    private Snapshot _read = Snapshot.None;

    /// <summary>Appends one line; <paramref name="to"/> names the person a reminder went to.</summary>
    public void Write(string? who, string what, string? from, string? control = null, string? to = null)
    {
        var fields = new Dictionary<string, string?>
        {
            ["at"] = Core.Yaml.Timestamps.Format(time.GetUtcNow()),
            ["who"] = who,
            ["what"] = what,
            ["control"] = control,
            ["from"] = from,
        };
        if (to is not null)
        {
            fields["to"] = to;
        }

        _file.Append(fields);
    }

    /// <summary>
    /// Every entry, oldest first; a line cut short by a crash is passed over. The lead's page asks on every view,
    /// so the file is read again only when its length or time stamp moved (it only grows).
    /// </summary>
    public IReadOnlyList<AuditEntry> Read()
    {
        var file = new FileInfo(folder.Combine(FileName));
        if (!file.Exists)
        {
            return [];
        }

        var cached = Volatile.Read(ref _read);
        if (cached.Length == file.Length && cached.Stamp == file.LastWriteTimeUtc)
        {
            return cached.Entries;
        }

        // Stat first, then read: a line appended meanwhile makes the next call read again, never go unseen.
        var read = new Snapshot(file.Length, file.LastWriteTimeUtc, _file.Read(AuditEntry.Of));
        Volatile.Write(ref _read, read);
        return read.Entries;
    }

    private sealed record Snapshot(long Length, DateTime Stamp, IReadOnlyList<AuditEntry> Entries)
    {
        public static readonly Snapshot None = new(-1, default, []);
    }
}
