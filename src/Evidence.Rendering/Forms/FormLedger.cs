using System.Text;
using System.Text.Json;

namespace Evidence.Rendering.Forms;

/// <summary>
/// The Word forms this workspace issued: <c>requests/&lt;period&gt;/&lt;owner&gt;.jsonl</c>, one line per form
/// (when it was issued, its file name and the SHA-256 of its text outside the fields), kept in git beside the
/// attestations. A returned form is imported only when its fingerprint is one issued here: the fingerprint
/// in the form itself shows only that nobody edited it carelessly, since whoever edits the text can
/// recompute it; the ledger shows the text is the one this workspace sent.
/// </summary>
public static class FormLedger
{
    public const string Folder = "requests";

    /// <summary>Records an issued form; issuing the same form again (same fingerprint) adds nothing.</summary>
    public static void Record(string root, AttestationForm form, string fileName, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(form);
        var path = PathOf(root, form.Period, form.OwnerId);
        if (Fingerprints(path).Contains(fingerprint))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("issued_at", form.IssuedAt);
            w.WriteString("system", form.SystemId);
            w.WriteString("file", fileName);
            w.WriteString("content_sha256", fingerprint);
            w.WriteEndObject();
        }

        File.AppendAllText(path, Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    /// <summary>True when a form for <paramref name="owner"/> and <paramref name="period"/> with this fingerprint was issued here.</summary>
    public static bool Issued(string root, string period, string owner, string fingerprint) =>
        Fingerprints(PathOf(root, period, owner)).Contains(fingerprint);

    /// <summary>Where the ledger of one owner and period lives, relative to the workspace, for messages.</summary>
    public static string Relative(string period, string owner) => $"{Folder}/{Safe(period)}/{Safe(owner)}.jsonl";

    private static string PathOf(string root, string period, string owner) => Path.Combine(root, Relative(period, owner));

    /// <summary>A period or person id from a returned form is hostile text: it names a file only when it is plain.</summary>
    private static string Safe(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? name : "_invalid_";

    private static HashSet<string> Fingerprints(string path)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return found;
        }

        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("content_sha256", out var value) && value.GetString() is { } fingerprint)
                {
                    found.Add(fingerprint);
                }
            }
            catch (JsonException)
            {
                // A damaged line vouches for nothing; the others still count.
            }
        }

        return found;
    }
}
