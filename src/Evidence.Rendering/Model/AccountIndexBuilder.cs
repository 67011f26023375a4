using Evidence.Core.Evaluation;
using Evidence.Core.Store;

namespace Evidence.Rendering.Model;

/// <summary>
/// Gathers, account by account, the organisation form of the evidence index while the controls are built:
/// each (query, source) once however many controls judge it, and each raw response once however many
/// items share it. Holds counters per account and rule and a name per raw file, nothing per resource.
/// </summary>
internal sealed class AccountIndexBuilder(EvidenceItemModelBuilder items, EvidenceFiles files)
{
    private readonly HashSet<(string Query, EvidenceSource Source)> _seen = [];
    private readonly Dictionary<EvidenceSource, Account> _accounts = [];

    public void Add(Reason reason, string state, string queryText)
    {
        var source = reason.Source!;
        if (!_seen.Add((reason.Subject ?? string.Empty, source)))
        {
            return;
        }

        var key = source with { Region = null };
        if (!_accounts.TryGetValue(key, out var account))
        {
            account = _accounts[key] = new Account();
        }

        account.Add(reason, state, queryText);
    }

    public List<AccountIndexModel> Build() =>
        _accounts
            .OrderBy(a => a.Key.Cloud, StringComparer.Ordinal)
            .ThenBy(a => a.Key.Account ?? a.Key.Subscription ?? a.Key.ManagementGroup, StringComparer.Ordinal)
            .Select(a => a.Value.Model(a.Key, items, files))
            .ToList();

    private sealed class Account
    {
        private readonly HashSet<EvidenceSource> _sources = [];
        private readonly SortedDictionary<string, Rule> _rules = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, (string Run, StoredFile File)> _raw = new(StringComparer.Ordinal);

        public void Add(Reason reason, string state, string queryText)
        {
            _sources.Add(reason.Source!);
            if (!_rules.TryGetValue(queryText, out var rule))
            {
                rule = _rules[queryText] = new Rule();
            }

            rule.States.Add(state);
            if (reason.Item is { } item)
            {
                rule.NonCompliantResources += item.Counts.NonCompliant;
                rule.Methods.Add(item.Method);
                foreach (var file in item.Raw)
                {
                    _raw.TryAdd($"{item.RunId}/{file.Path}", (item.RunId, file));
                }
            }
        }

        public AccountIndexModel Model(EvidenceSource key, EvidenceItemModelBuilder items, EvidenceFiles files) => new()
        {
            Cloud = key.Cloud,
            Account = items.AccountText(key),
            Anchor = "account-" + Markdown.Anchors.Slug($"{key.Cloud}-{key.Account ?? key.Subscription ?? key.ManagementGroup}"),
            Sources = _sources.Count,
            Rules = _rules.Count,
            RulesPassing = _rules.Values.Count(r => r.States.AllPass),
            Exceptions = _rules
                .Where(r => !r.Value.States.AllPass)
                .Select(r => r.Value.Model(r.Key))
                .ToList(),
            Files = _raw.Values.Select(r => files.RunFile(items.Run(r.Run), r.File, attached: true)).ToList(),
        };
    }

    /// <summary>One rule in one account: its sources by state, its failing resources and how its evidence was obtained.</summary>
    private sealed class Rule
    {
        public ResultTally States { get; } = new();

        public SortedSet<EvidenceMethod> Methods { get; } = [];

        public int NonCompliantResources { get; set; }

        public AccountRuleModel Model(string queryText) => new(
            queryText, States.Sources, States.Passing, States.NoResources, States.Failing, States.NotCollected, States.Stale, NonCompliantResources,
            string.Join(", ", Methods.Select(EvidenceMethods.Short)));
    }
}
