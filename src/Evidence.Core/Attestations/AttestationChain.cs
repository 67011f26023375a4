namespace Evidence.Core.Attestations;

/// <summary>
/// Corrections never overwrite: a record that <c>supersedes</c> another replaces it for the period and
/// both stay on file. These helpers follow those links.
/// </summary>
public static class AttestationChain
{
    /// <summary>The records still in force by <paramref name="asOf"/>: made by then and not superseded by a record made by then.</summary>
    public static IEnumerable<Attestation> InForce(IEnumerable<Attestation> attestations, DateTimeOffset asOf)
    {
        var made = attestations.Where(a => a.AttestedAt <= asOf).ToList();
        var superseded = made.Where(a => a.Supersedes is not null).Select(a => a.Supersedes!.Value.Value).ToHashSet(StringComparer.Ordinal);
        return made.Where(a => !superseded.Contains(a.RecordPath));
    }

    /// <summary>
    /// The records <paramref name="head"/> replaced, newest first, starting with <paramref name="head"/>
    /// itself; stops at a missing link or a loop (which the validator reports).
    /// </summary>
    public static IReadOnlyList<Attestation> History(Attestation head, IEnumerable<Attestation> attestations)
    {
        ArgumentNullException.ThrowIfNull(head);
        var byPath = attestations.GroupBy(a => a.RecordPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var chain = new List<Attestation> { head };
        var seen = new HashSet<string>(StringComparer.Ordinal) { head.RecordPath };
        for (var current = head; current.Supersedes is { } link && byPath.TryGetValue(link.Value, out var earlier) && seen.Add(earlier.RecordPath);)
        {
            chain.Add(earlier);
            current = earlier;
        }

        return chain;
    }
}
