using System.Globalization;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// A synthetic Azure tenant for the fake Policy Insights: <see cref="SubscriptionCount"/> subscriptions under
/// a tree of management groups (root → platform, and root → landing-zones → corp and online), an
/// initiative assigned at the root holding every one of <see cref="Definitions"/> (by reference id, each
/// in one of five groups), and the first definition also assigned on its own in every subscription, so a
/// definition's states come from two assignments. Each subscription has 1 to <see cref="MaxResources"/>
/// resources per definition; about 2% of the states are non-compliant, 3% exempt and 1% unknown, the rest
/// compliant, decided by a hash so every build of the tenant is the same.
/// </summary>
public sealed class FakeAzureTenant
{
    public const string Root = "tenant-root";
    public const string Initiative = "a169a624-5599-4385-a696-c8d643089fab";
    public const string InitiativeAssignment = "hipaa-hitrust-audit";
    public const string DirectAssignment = "direct-first-definition";

    public int SubscriptionCount { get; init; } = 50;

    public int DefinitionCount { get; init; } = 20;

    public int MaxResources { get; init; } = 30;

    /// <summary>When every state was evaluated, give or take an hour.</summary>
    public DateTimeOffset EvaluatedAt { get; init; } = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<string> Subscriptions =>
        [.. Enumerable.Range(1, SubscriptionCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i:D8}-5e1f-4c0a-9d3b-0000000000{i % 100:D2}"))];

    /// <summary>The policy definitions' names (GUIDs), such as a catalog's; <see cref="DefinitionCount"/> made-up ones when null.</summary>
    public IReadOnlyList<string>? DefinitionNames { get; init; }

    public IReadOnlyList<string> Definitions => DefinitionNames ??
        [.. Enumerable.Range(1, DefinitionCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i:D8}-0000-4000-8000-00000000d{i % 1000:D3}"))];

    /// <summary>The groups, each with its members (subscription ids and other groups' names).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ManagementGroups
    {
        get
        {
            var subscriptions = Subscriptions;
            var platform = subscriptions.Take(SubscriptionCount / 5).ToList();
            var rest = subscriptions.Skip(platform.Count).ToList();
            return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [Root] = ["platform", "landing-zones"],
                ["platform"] = platform,
                ["landing-zones"] = ["corp", "online"],
                ["corp"] = [.. rest.Take(rest.Count / 2)],
                ["online"] = [.. rest.Skip(rest.Count / 2)],
            };
        }
    }

    /// <summary>The group name a definition is filed under in the initiative.</summary>
    public static string GroupOf(int definitionIndex) => string.Create(CultureInfo.InvariantCulture, $"hipaa-group-{definitionIndex % 5}");

    /// <summary>Every state of one subscription.</summary>
    public IEnumerable<FakePolicyState> StatesOf(string subscription)
    {
        var s = subscription.ToLowerInvariant();
        var definitions = Definitions;
        var seed = Hash(s);
        for (var d = 0; d < definitions.Count; d++)
        {
            var resources = 1 + (int)((seed + ((uint)d * 2654435761u)) % (uint)MaxResources);
            for (var r = 0; r < resources; r++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"/subscriptions/{s}/resourcegroups/rg-{r % 4}/providers/microsoft.storage/storageaccounts/st{d:D3}x{r:D4}");
                var roll = Hash(id) % 100;
                var state = roll < 2 ? "NonCompliant" : roll < 5 ? "Exempt" : roll < 6 ? "Unknown" : "Compliant";
                var at = EvaluatedAt.AddSeconds(-(int)(Hash(id + "t") % 3600));
                var common = new FakePolicyState(s, id, "Microsoft.Storage/storageAccounts", state, at)
                {
                    PolicyDefinitionName = definitions[d],
                    ComplianceReasonCode = state == "NonCompliant" ? "NonCompliantResource" : string.Empty,
                };
                yield return common with
                {
                    PolicySetDefinitionName = Initiative,
                    PolicyAssignmentName = InitiativeAssignment,
                    PolicyAssignmentScope = $"/providers/Microsoft.Management/managementGroups/{Root}",
                    PolicyDefinitionReferenceId = string.Create(CultureInfo.InvariantCulture, $"ref-{d:D3}"),
                    PolicyDefinitionGroupNames = [GroupOf(d)],
                };
                if (d == 0)
                {
                    yield return common with { PolicyAssignmentName = DirectAssignment };
                }
            }
        }
    }

    /// <summary>Loads the tenant into <paramref name="server"/>; returns how many states it holds and how many of them are non-compliant.</summary>
    public (int States, int NonCompliant) Deploy(FakeAzureServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        int states = 0, nonCompliant = 0;
        foreach (var subscription in Subscriptions)
        {
            var own = StatesOf(subscription).ToList();
            states += own.Count;
            nonCompliant += own.Count(s => s.ComplianceState == "NonCompliant");
            server.AddStates(subscription, own);
        }

        foreach (var (group, members) in ManagementGroups)
        {
            server.AddManagementGroup(group, members);
        }

        return (states, nonCompliant);
    }

    // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
