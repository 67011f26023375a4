using System.Globalization;
using System.Text.RegularExpressions;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;
using UglyToad.PdfPig;

namespace Evidence.Cli.Tests;

/// <summary>
/// The binder's organisation form (issue 13), on a synthetic organisation of 30 AWS accounts × 17 regions
/// whose evidence is written as the bulk plan writes it: summaries, rows only for non-compliant resources.
/// </summary>
public sealed partial class OrganizationBinderTests(OrganizationBinderTests.Organisation org) : IClassFixture<OrganizationBinderTests.Organisation>
{
    [Fact]
    public void PassingEvidenceIsCountedPerRuleAndAccountNotShownAsAColumnPerSource()
    {
        Assert.DoesNotContain("results per source", org.Binder, StringComparison.Ordinal);
        Assert.Contains("| Rule or policy | Sources passing | Accounts passing | Other sources | Failing resources | Obtained by | Oldest evaluation |", org.Binder, StringComparison.Ordinal);
        // A rule that passes everywhere: all 510 sources and all 30 accounts, in one line.
        Assert.Matches(@"\| AWS Config rule [A-Z0-9_\\]+ \| 510 of 510 \| 30 of 30 \| – \| 0 \| summary \| 2026-11-20 \d\d:\d\d UTC \|", org.Binder);
        // A rule that fails in some sources counts them, and the accounts where it failed do not pass.
        Assert.Matches(@"\| AWS Config rule [A-Z0-9_\\]+ \| 4\d\d of 510 \| [12]\d of 30 \| \d+ failing \| \d+ \| summary \|", org.Binder);
    }

    [Fact]
    public void EveryFailingResourceIsListedOnceWithItsAccountAndRegion()
    {
        var failing = org.Run.Items.Where(i => i.Counts.NonCompliant > 0).ToList();
        var rows = org.BinderLines.Where(l => l.Contains("| Synthetic finding ", StringComparison.Ordinal)).ToList();

        Assert.Equal(failing.Sum(i => i.Counts.NonCompliant), rows.Count);
        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Matches(@"^\| 2\d{11} \| [a-z]{2}-[a-z]+-\d \| ", r));
        // One heading per failing rule, not one per source.
        var groups = org.BinderLines.Count(l => l.StartsWith("#### Non-compliant: ", StringComparison.Ordinal));
        Assert.InRange(groups, 1, failing.Select(i => i.QueryKey).Distinct().Count() * 10);
        Assert.True(groups < failing.Count / 5, $"{groups} failure headings for {failing.Count} failing items");
    }

    [Fact]
    public void EachRuleSaysHowItsEvidenceWasObtainedInPlainWords()
    {
        Assert.Contains("**How this evidence was obtained.** A rule or policy obtained by *summary* was answered by the cloud's", org.Binder, StringComparison.Ordinal);
        Assert.Contains("reported the rule compliant when it last evaluated it", org.Binder, StringComparison.Ordinal);
        Assert.Contains("Obtained from the cloud's compliance summary per rule and source (failing resources listed; passing ones reported, not counted).", org.Binder, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAssessorChecklistCountsThePassingResultsItDoesNotShow()
    {
        // Passing sources are counted, not modelled, at this scale; the checklist must count them all the same.
        Assert.DoesNotContain("the cloud checks that prove this control: 0 of", org.Binder, StringComparison.Ordinal);
        Assert.Matches(@"the cloud checks that prove this control: \d{4,} of \d{4,} results pass", org.Binder);
    }

    [Fact]
    public void TheEvidenceIndexIsGroupedByAccountAndAttachesEachSharedSummaryOnce()
    {
        var accounts = org.BinderLines.Where(l => AccountHeading().IsMatch(l)).ToList();
        var summaries = org.BinderLines.Count(l => l.StartsWith($"| {org.Run.RunId}/raw/summary-", StringComparison.Ordinal));

        Assert.Equal(Enumerable.Range(1, 30).Select(n => $"org-{n:D4}"), accounts.Select(a => AccountHeading().Match(a).Groups[1].Value));
        Assert.Equal(30 * 17, summaries);
        Assert.Contains("rules and policies judged in this account passed in every one of its 17 sources", org.Binder, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSspCountsTheSourcesOfAControlInsteadOfListingThem()
    {
        // 30 accounts × 17 regions, the aggregator's account (advanced queries) and the Azure subscription.
        Assert.Contains("**Evidence sources.** 511 sources (accounts and regions, or subscriptions) in 31 accounts or subscriptions;", org.Ssp, StringComparison.Ordinal);
        Assert.DoesNotContain("us-east-1; AWS", org.Ssp, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePdfBinderStaysShortAndVerifies()
    {
        using var pdf = PdfDocument.Open(org.BinderPdf);
        // Measured at 30 accounts: pages grow with accounts and rules (the index), not with resources or sources.
        Assert.InRange(pdf.NumberOfPages, 100, 400);

        var verify = CliRunner.Run("verify", org.BinderPdf);

        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public void StaleResultsPastTwentySourcesAreCountedPerAccountWithAccountsAlikeInOneParagraphAndNoLinkPointsAtRowsNeverListed()
    {
        // Nine days on, queries with a 7-day maximum age are stale in every source while others are still current:
        // the same item is stale under one control and non-compliant under another. Listed per source, this binder
        // passed the 64 Mi-character limit; and a stale result's rows, never listed, were linked to from elsewhere.
        using var output = new TempDirectory();
        var md = CliRunner.Run("build", org.Folder, "--as-of", "2026-11-30T09:00:00Z", "--format", "md", "--only", "binder", "--output", output.Path);

        Assert.True(md.ExitCode == 0, md.Error);
        var binder = File.ReadAllText(output.Combine("acme-care-platform-Binder-20261130T090000Z.md"));
        Assert.Contains("Too many sources to list one by one: each account's are counted, and accounts where the same happened are named together.", binder, StringComparison.Ordinal);

        // Accounts alike are one line: the 30 accounts, each stale in its 17 regions, are named together, not a line each.
        var alike = AlikeAccounts().Match(binder);
        Assert.True(alike.Success, "no line naming the accounts stale in all their regions together");
        var named = alike.Groups["accounts"].Value.Split(", ");
        Assert.Equal(int.Parse(alike.Groups["count"].Value, CultureInfo.InvariantCulture), named.Length);
        Assert.InRange(named.Length, 2, 30);
        Assert.Equal(17 * named.Length, int.Parse(alike.Groups["sources"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        var accountLines = binder.Split('\n').Count(l => AccountsLine().IsMatch(l));
        var groups = binder.Split('\n').Count(l => l.StartsWith("Too many sources to list one by one", StringComparison.Ordinal));
        Assert.InRange(accountLines, groups, groups * 3);
        Assert.InRange(binder.Length, 1, 8_000_000);
        foreach (Match link in RowsLink().Matches(binder))
        {
            Assert.Contains($"{{#{link.Groups[1].Value} .unlisted}}", binder, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^- \*\*(?<count>\d+) accounts, (?<sources>[\d,]+) sources\*\*: in each, stale in 17 sources, the earliest since 2026-11-2\d \d\d:\d\d UTC; last collected 2026-11-20 \d\d:\d\d UTC\. (?<accounts>AWS 2\d{11} \(org-\d{4}\)(?:, AWS 2\d{11} \(org-\d{4}\))+)\.$", RegexOptions.Multiline)]
    private static partial Regex AlikeAccounts();

    [GeneratedRegex(@"^- \*\*\d+ accounts?, ")]
    private static partial Regex AccountsLine();

    [GeneratedRegex(@"\]\(#(rows-[a-z0-9-]+)\)")]
    private static partial Regex RowsLink();

    [GeneratedRegex(@"^## AWS 2\d{11} \((org-\d{4})\) \{#account-aws-")]
    private static partial Regex AccountHeading();

    /// <summary>The organisation generated once, its SSP and binder built once as Markdown and the binder as PDF.</summary>
    public sealed class Organisation : IDisposable
    {
        private readonly TempDirectory _folder = new();

        public Organisation()
        {
            var dir = Folder = _folder.Combine("org");
            var generate = CliRunner.Run("sample", "generate", "--accounts", "30", dir);
            Assert.Equal(0, generate.ExitCode);
            var md = CliRunner.Run("build", dir, "--as-of", "2026-11-21T09:00:00Z", "--format", "md", "--output", _folder.Combine("md"));
            Assert.True(md.ExitCode == 0, md.Error);
            var pdf = CliRunner.Run("build", dir, "--as-of", "2026-11-21T09:00:00Z", "--format", "pdf", "--only", "binder", "--output", _folder.Combine("pdf"));
            Assert.True(pdf.ExitCode == 0, pdf.Error);
            Run = Assert.Single(WorkspaceLoader.Load(dir, verifyHashes: false).Runs);
            Binder = File.ReadAllText(_folder.Combine("md/acme-care-platform-Binder-20261121T090000Z.md"));
            BinderLines = Binder.Split('\n');
            Ssp = File.ReadAllText(_folder.Combine("md/acme-care-platform-SSP-20261121T090000Z.md"));
            BinderPdf = _folder.Combine("pdf/acme-care-platform-Binder-20261121T090000Z.pdf");
        }

        public string Folder { get; }

        public EvidenceRun Run { get; }

        public string Binder { get; }

        public IReadOnlyList<string> BinderLines { get; }

        public string Ssp { get; }

        public string BinderPdf { get; }

        public void Dispose() => _folder.Dispose();
    }
}
