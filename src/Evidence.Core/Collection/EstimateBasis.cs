using System.Globalization;
using Evidence.Core.Store;

namespace Evidence.Core.Collection;

/// <summary>
/// What a dry run assumes about the data before it is fetched, for the calls that depend on it (detail of
/// non-compliant results): measured on the workspace's latest run of the cloud when there is one, else a
/// stated assumption. <see cref="Description"/> says which, and the dry run prints it.
/// </summary>
/// <param name="Description">Where the figures come from, for people to read.</param>
/// <param name="FailingShare">The share of items (rule and source) with a non-compliant resource.</param>
/// <param name="NonCompliantPerFailing">Non-compliant resources per failing item.</param>
/// <param name="ResourcesPerItem">Resources a rule evaluates in one source, every state.</param>
/// <param name="Measured">True when taken from a run, false when assumed.</param>
public sealed record EstimateBasis(string Description, double FailingShare, double NonCompliantPerFailing, double ResourcesPerItem, bool Measured)
{
    /// <summary>
    /// With no run to go by: 2% of rule results failing with 2 resources each, and 10 resources a rule in a
    /// source, about what the organisation (2% of resources non-compliant) shows.
    /// </summary>
    public static EstimateBasis Assumed { get; } = new(
        "assumed (no earlier run): 2% of rule results non-compliant, 2 non-compliant and 10 resources in all per rule and source", 0.02, 2, 10, false);

    /// <summary>The figures of <paramref name="cloud"/>'s collected items in <paramref name="run"/>, or <see cref="Assumed"/> when it has none.</summary>
    public static EstimateBasis From(EvidenceRun? run, string cloud)
    {
        var items = run?.Items.Where(i => i.Source.Cloud == cloud && i.Status == ItemStatus.Collected).ToList() ?? [];
        if (run is null || items.Count == 0)
        {
            return Assumed;
        }

        var failing = items.Where(i => i.Counts.NonCompliant > 0).ToList();
        var counted = items.Where(i => i.Counts.Counted).ToList();
        var share = (double)failing.Count / items.Count;
        var perFailing = failing.Count == 0 ? 0 : failing.Average(i => (double)i.Counts.NonCompliant);
        var perItem = counted.Count == 0 ? Assumed.ResourcesPerItem : counted.Average(i => (double)(i.Counts.Total ?? 0));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"measured on run {run.RunId}: {share:P1} of {items.Count:N0} rule results non-compliant, {perFailing:0.#} non-compliant and {perItem:0.#} resources in all per rule and source");
        return new EstimateBasis(text, share, perFailing, perItem, true);
    }
}
