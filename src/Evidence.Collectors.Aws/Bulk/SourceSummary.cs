using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Bulk;

/// <summary>
/// What the compliance summary said about one account and region: each rule with its compliance, the pages
/// it came on, when AWS answered, or the error that left the source unread.
/// </summary>
internal sealed class SourceSummary
{
    private RuleIndex? _index;

    public List<DeployedRule> Rules { get; } = [];

    public List<StoredFile> Pages { get; } = [];

    public DateTimeOffset AnsweredAt { get; set; }

    public AwsConfigError? Error { get; set; }

    /// <summary>The rules looked up by name and identifier; built on first use, once the summary has been read.</summary>
    public RuleIndex Index => _index ??= new RuleIndex(Rules);

    public void AddPage(StoredFile page)
    {
        if (Pages.Count == 0 || Pages[^1].Path != page.Path)
        {
            Pages.Add(page);
        }
    }
}
