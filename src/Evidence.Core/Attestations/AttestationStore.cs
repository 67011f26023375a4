using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Evidence.Core.Files;
using Evidence.Core.Yaml;

namespace Evidence.Core.Attestations;

/// <summary>
/// Writes attestation records under <c>attestations/&lt;period&gt;/</c>, never over an existing file: a
/// correction gets the next free name (<c>164-308-a-1-ii-A.2.yaml</c>) and names what it supersedes.
/// </summary>
public static partial class AttestationStore
{
    public const string Folder = "attestations";

    /// <summary>A citation as a file name: <c>164.308(a)(1)(ii)(A)</c> becomes <c>164-308-a-1-ii-A</c>.</summary>
    public static string Slug(string citation)
    {
        var slug = NotSafe().Replace(citation, "-").Trim('-');
        return slug.Length == 0 ? "control" : slug;
    }

    /// <summary>Writes <paramref name="record"/> atomically and returns its path under <c>attestations/</c>.</summary>
    public static string Write(string workspaceRoot, NewAttestation record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var period = record.Period.ToString();
        var folder = Path.Combine(workspaceRoot, Folder, period);
        var yaml = Render(record);
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? $"{Slug(record.Control)}.yaml" : $"{Slug(record.Control)}.{n.ToString(CultureInfo.InvariantCulture)}.yaml";
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                continue;
            }

            try
            {
                AtomicFile.WriteAllText(path, yaml, overwrite: false);
                return $"{period}/{name}";
            }
            catch (IOException) when (File.Exists(path))
            {
                // Someone else took the name between the check and the move: take the next one.
            }
        }
    }

    /// <summary>The record as YAML, every free-text value double-quoted so no input can change its structure.</summary>
    public static string Render(NewAttestation record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var yaml = new StringBuilder();
        yaml.Append("control: ").AppendLine(Quote(record.Control));
        yaml.Append("period: ").AppendLine(Quote(record.Period.ToString()));
        yaml.Append("attested_by: ").AppendLine(record.AttestedBy);
        yaml.Append("attested_at: ").AppendLine(Timestamps.Format(record.AttestedAt));
        yaml.Append("result: ").AppendLine(EnumNames.ToKebab(record.Result));
        yaml.Append("comment: ").AppendLine(Quote(record.Comment));
        if (record.Supersedes is not null)
        {
            yaml.Append("supersedes: ").AppendLine(Quote(record.Supersedes));
        }

        if (record.Evidence.Count > 0)
        {
            yaml.AppendLine("evidence:");
            foreach (var reference in record.Evidence)
            {
                yaml.Append("  - ").AppendLine(Quote(reference));
            }
        }

        return yaml.ToString().ReplaceLineEndings("\n");
    }

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotSafe();
}
