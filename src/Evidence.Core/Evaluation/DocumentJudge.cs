using Evidence.Core.Queries;
using Evidence.Core.Resolution;

namespace Evidence.Core.Evaluation;

/// <summary>Judges manual documents: each expected artifact must be present and current.</summary>
internal static class DocumentJudge
{
    public static IEnumerable<Reason> Judge(ResolvedControl control, DateTimeOffset asOf)
    {
        var documents = control.Queries.OfType<ManualQuery>().Where(d => Start(d.Date) <= asOf).ToList();
        foreach (var expected in control.ExpectedArtifacts)
        {
            var newest = documents.Where(d => d.Artifact == expected.Id).MaxBy(d => d.Date);
            if (newest is null)
            {
                yield return new Reason(ReasonKind.ArtifactMissing, Outcome.Fail, $"expected document missing: {expected.Title} ({expected.Id})") { Subject = expected.Id };
                continue;
            }

            yield return JudgeDocument(newest, newest.MaxAge ?? expected.MaxAge, asOf, expected.Title) with { Role = newest.Role ?? EvidenceRole.Primary };
        }

        foreach (var other in documents.Where(d => d.Artifact is null || control.ExpectedArtifacts.All(e => e.Id != d.Artifact)))
        {
            // A document may name a catalog artifact the overlay replaced; the artifact's max_age still applies.
            var artifactMaxAge = control.Control.ExpectedArtifacts.FirstOrDefault(a => a.Id == other.Artifact)?.MaxAge;
            yield return JudgeDocument(other, other.MaxAge ?? artifactMaxAge ?? TimeSpan.FromDays(365), asOf, other.Title ?? other.Path) with
            {
                Role = other.Role ?? EvidenceRole.Primary,
            };
        }
    }

    private static Reason JudgeDocument(ManualQuery document, TimeSpan maxAge, DateTimeOffset asOf, string title)
    {
        var expires = Start(document.Date) + maxAge;
        return expires < asOf
            ? new Reason(ReasonKind.ArtifactStale, Outcome.Fail, $"{title} ({document.Path}) dated {document.Date:yyyy-MM-dd} is stale since {CloudEvidenceJudge.Stamp(expires)} (maximum age {CloudEvidenceJudge.Days(maxAge)})")
            {
                Subject = document.Key, Since = expires,
            }
            : new Reason(ReasonKind.ArtifactCurrent, Outcome.Pass, $"{title} ({document.Path}) dated {document.Date:yyyy-MM-dd}") { Subject = document.Key };
    }

    private static DateTimeOffset Start(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
