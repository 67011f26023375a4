using Evidence.Core.Evaluation;
using Evidence.Core.Store;

namespace Evidence.Web.Pages;

/// <summary>
/// How old the cloud evidence behind the controls is, as of the snapshot: each query's answer from each source
/// counted once however many controls cite it, by the age of what it describes (<see cref="Bands"/>), with the
/// answers judged stale and those never collected. Counted once per snapshot.
/// </summary>
internal sealed record EvidenceFreshness(int Answers, IReadOnlyList<int> ByBand, int Stale, int NotCollected)
{
    public static readonly IReadOnlyList<(string Label, TimeSpan Below)> Bands =
        [("within a day", TimeSpan.FromDays(1)), ("1 to 7 days", TimeSpan.FromDays(7)), ("7 to 30 days", TimeSpan.FromDays(30)), ("older than 30 days", TimeSpan.MaxValue)];

    public static EvidenceFreshness Of(IReadOnlyList<ControlEvaluation> controls, DateTimeOffset asOf)
    {
        var answers = new Dictionary<(string?, EvidenceSource), Reason>();
        foreach (var reason in controls.SelectMany(c => c.CloudReasons).Where(r => r.Source is not null))
        {
            answers.TryAdd((reason.Subject, reason.Source!), reason);
        }

        var byBand = new int[Bands.Count];
        foreach (var reason in answers.Values.Where(r => r.Item is not null && r.Kind != ReasonKind.NotCollected))
        {
            var age = asOf - reason.Item!.AsOf;
            var band = 0;
            while (band < Bands.Count - 1 && age >= Bands[band].Below)
            {
                band++;
            }

            byBand[band]++;
        }

        return new EvidenceFreshness(answers.Count, byBand, answers.Values.Count(r => r.Kind == ReasonKind.Stale), answers.Values.Count(r => r.Kind == ReasonKind.NotCollected));
    }
}
