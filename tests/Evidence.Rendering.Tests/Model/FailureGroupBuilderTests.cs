using Evidence.Rendering.Model;

namespace Evidence.Rendering.Tests.Model;

/// <summary>
/// At organisation scale, a rule stale or not collected in more sources than are listed one by one is told per
/// account, and the accounts where the same happened, last collected at the same time, are named together in one
/// paragraph: a thousand accounts alike are one line, not a thousand. The lines come in the same order whatever the
/// accounts' order, and every source is counted once.
/// </summary>
public sealed class FailureGroupBuilderTests
{
    private const string Collected = "2026-11-20 06:00 UTC";
    private const string Since = "2026-11-27 06:00 UTC";

    [Fact]
    public void AccountsWhereTheSameHappenedAreNamedTogetherWithAllTheirSourcesCounted()
    {
        var rows = AccountRows([.. Stale("AWS 111111111111", 7), .. Stale("AWS 222222222222", 7), .. Stale("AWS 333333333333", 7)]);

        Assert.Equal(
            new FailureAccountModel(["AWS 111111111111", "AWS 222222222222", "AWS 333333333333"], 21, Collected, $"stale in 7 sources, the earliest since {Since}"),
            Assert.Single(rows),
            Alike);
    }

    [Fact]
    public void AccountsWithADifferentOutcomeAreKeptApart()
    {
        var rows = AccountRows([
            .. NotCollected("AWS 111111111111", 6, "AccessDenied"),
            .. NotCollected("AWS 222222222222", 6, "AccessDenied"),
            .. NotCollected("AWS 333333333333", 6, "Throttling"),
            .. NotCollected("AWS 444444444444", 5, "AccessDenied"),
            .. NotCollected("AWS 555555555555", 6, error: null)]);

        Assert.Equal(
            [
                new FailureAccountModel(["AWS 111111111111", "AWS 222222222222"], 12, Collected, "could not be collected (AccessDenied) in 6 sources"),
                new FailureAccountModel(["AWS 333333333333"], 6, Collected, "could not be collected (Throttling) in 6 sources"),
                new FailureAccountModel(["AWS 444444444444"], 5, Collected, "could not be collected (AccessDenied) in 5 sources"),
                new FailureAccountModel(["AWS 555555555555"], 6, null, "never collected in 6 sources"),
            ],
            rows,
            Alike);
    }

    [Fact]
    public void AccountsStaleAlikeButLastCollectedAtDifferentTimesAreKeptApart()
    {
        var rows = AccountRows([.. Stale("AWS 111111111111", 11), .. Stale("AWS 222222222222", 11, collected: "2026-11-20 07:30 UTC")]);

        Assert.Equal(
            [
                new FailureAccountModel(["AWS 111111111111"], 11, Collected, $"stale in 11 sources, the earliest since {Since}"),
                new FailureAccountModel(["AWS 222222222222"], 11, "2026-11-20 07:30 UTC", $"stale in 11 sources, the earliest since {Since}"),
            ],
            rows,
            Alike);
    }

    [Fact]
    public void EachKindOfOutcomeInAnAccountIsCountedBySource()
    {
        var rows = AccountRows([
            .. NotCollected("AWS 111111111111", 19, "AccessDenied"),
            .. NotCollected("AWS 111111111111", 1, "Throttling"),
            .. NotCollected("AWS 111111111111", 2, error: null)]);

        Assert.Equal(
            new FailureAccountModel(["AWS 111111111111"], 22, Collected, "could not be collected (AccessDenied) in 19 sources; could not be collected (Throttling) in 1 source; never collected in 2 sources"),
            Assert.Single(rows),
            Alike);
    }

    [Fact]
    public void LinesWithTheMostAccountsComeFirstThenByTheirFirstAccountWhateverTheSourceOrder()
    {
        // The accounts as the sources come, a lone one first: a line's accounts keep that order, the lines do not.
        var rows = AccountRows([
            .. Stale("AWS 333333333333", 6, since: "2026-11-28 06:00 UTC"),
            .. Stale("AWS 444444444444", 6),
            .. Stale("AWS 111111111111", 6, since: "2026-11-29 06:00 UTC"),
            .. Stale("AWS 222222222222", 6)]);

        Assert.Equal(
            [["AWS 444444444444", "AWS 222222222222"], ["AWS 111111111111"], ["AWS 333333333333"]],
            rows.Select(r => r.Accounts.ToArray()));
    }

    [Fact]
    public void TwentySourcesOrANonCompliantGroupAreListedOneByOneNotCountedPerAccount()
    {
        var twenty = FailureGroupBuilder.Build([.. Stale("AWS 111111111111", 10), .. Stale("AWS 222222222222", 10)]);
        var failing = FailureGroupBuilder.Build(Stale("AWS 111111111111", 30).Select(i => i with { State = "non-compliant", StateText = "Non-compliant", StaleSince = null }));

        Assert.Empty(Assert.Single(twenty).AccountRows);
        Assert.Empty(Assert.Single(failing).AccountRows);
    }

    /// <summary>The account lines of the one group that <paramref name="items"/> (one rule, one state) make.</summary>
    private static IReadOnlyList<FailureAccountModel> AccountRows(IEnumerable<EvidenceItemModel> items) =>
        Assert.Single(FailureGroupBuilder.Build(items)).AccountRows;

    /// <summary>Records compare their account lists by reference; these compare them item by item.</summary>
    private static bool Alike(FailureAccountModel expected, FailureAccountModel actual) =>
        expected.Accounts.SequenceEqual(actual.Accounts) && expected with { Accounts = actual.Accounts } == actual;

    /// <summary>One rule stale in <paramref name="sources"/> regions of <paramref name="account"/>.</summary>
    private static IEnumerable<EvidenceItemModel> Stale(string account, int sources, string since = Since, string collected = Collected) =>
        Enumerable.Range(1, sources).Select(r => Item(account, r) with { State = "stale", StateText = "Stale", CollectedAt = collected, StaleSince = since });

    /// <summary>One rule not collected in <paramref name="sources"/> regions: failed with <paramref name="error"/>, or never tried when null.</summary>
    private static IEnumerable<EvidenceItemModel> NotCollected(string account, int sources, string? error) =>
        Enumerable.Range(1, sources).Select(r => error is null
            ? Item(account, r) with { Run = null, Item = null, CollectedAt = null }
            : Item(account, r) with { Error = new ErrorModel(error, $"{error}: the request was refused") });

    private static EvidenceItemModel Item(string account, int region) => new()
    {
        Query = "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED",
        QueryText = "AWS Config rule S3_BUCKET_PUBLIC_READ_PROHIBITED",
        Source = $"{account} region-{region}",
        Account = account,
        Cloud = "aws",
        State = "not-collected",
        StateText = "Not collected",
        Message = "The evidence could not be collected.",
        Run = "20261120T060000Z",
        Item = $"{account[4..]}-region-{region}",
        CollectedAt = Collected,
        Counts = new CountsModel(null, 0, 0, 0),
    };
}
