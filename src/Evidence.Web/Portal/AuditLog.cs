using System.Text.Json;

namespace Evidence.Web.Portal;

/// <summary>
/// <c>.evidence/audit.jsonl</c>: one JSON line per sign-in, sign-out, attestation and refusal: who, what,
/// when and from where. Only ids go in: never a comment, a finding or anything read from evidence.
/// </summary>
internal sealed class AuditLog(DataFolder folder, TimeProvider time)
{
    private static readonly Lock Gate = new();

    public const string FileName = "audit.jsonl";

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

        var line = JsonSerializer.Serialize(fields);
        lock (Gate)
        {
            folder.Ensure();
            File.AppendAllText(folder.Combine(FileName), line + "\n");
        }
    }

    /// <summary>Every entry, oldest first; a line cut short by a crash is passed over.</summary>
    public IReadOnlyList<AuditEntry> Read()
    {
        var path = folder.Combine(FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = new List<AuditEntry>();
        lock (Gate)
        {
            foreach (var line in File.ReadLines(path))
            {
                if (AuditEntry.Parse(line) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return entries;
    }
}
