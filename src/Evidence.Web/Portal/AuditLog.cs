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

    public void Write(string? who, string what, string? from, string? control = null)
    {
        var line = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["at"] = Core.Yaml.Timestamps.Format(time.GetUtcNow()),
            ["who"] = who,
            ["what"] = what,
            ["control"] = control,
            ["from"] = from,
        });
        lock (Gate)
        {
            folder.Ensure();
            File.AppendAllText(folder.Combine(FileName), line + "\n");
        }
    }
}
