using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// The fake server's Policy Insights: the latest policy states per subscription (or added straight to a
/// management group), the management-group tree, and the scopes the caller may not read. A management
/// group's states are its own plus those of every subscription and group beneath it, as the real
/// service answers at management-group scope. Answers <c>queryResults</c> (filtered, counted, paged by
/// <c>@odata.nextLink</c>) and <c>summarize</c> (see <see cref="FakePolicySummaryPage"/>).
/// </summary>
public sealed class FakePolicyInsights
{
    private readonly ConcurrentDictionary<string, List<FakePolicyState>> _states = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, List<string>> _children = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _forbidden = new(StringComparer.OrdinalIgnoreCase);

    private int _version;

    /// <summary>Changes whenever states or groups are added, so that an answer computed before is known stale.</summary>
    internal int Version => Volatile.Read(ref _version);

    /// <summary>Policy assignments a <c>summarize</c> without <c>$top</c> lists at most; all when null.</summary>
    public int? SummaryDefaultTop { get; set; }

    /// <summary>Adds states to a scope: a subscription id, or a management group's name.</summary>
    public void AddStates(string scope, IEnumerable<FakePolicyState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var list = _states.GetOrAdd(Key(scope), _ => []);
        lock (list)
        {
            list.AddRange(states);
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>A management group holding <paramref name="members"/>: subscription ids and other groups' names.</summary>
    public void AddManagementGroup(string name, IEnumerable<string> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        _groups[Key(name)] = true;
        var list = _children.GetOrAdd(Key(name), _ => []);
        lock (list)
        {
            list.AddRange(members.Select(Key));
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>Answers every request on a scope 403 AuthorizationFailed.</summary>
    public void Forbid(string scope) => _forbidden[Key(scope)] = true;

    public bool IsForbidden(string scope) => _forbidden.ContainsKey(Key(scope));

    /// <summary>Every state in a scope and beneath it, or null when the scope does not exist.</summary>
    public List<FakePolicyState>? StatesIn(string scope)
    {
        var key = Key(scope);
        if (!_states.ContainsKey(key) && !_groups.ContainsKey(key))
        {
            return null;
        }

        var all = new List<FakePolicyState>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Collect(key, all, seen);
        return all;
    }

    internal static string Key(string scope)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        return scope.TrimEnd('/').Split('/')[^1];
    }

    internal async Task<int> ServeAsync(HttpContext context, FakeAzureRequest request, FakeAzureServer server)
    {
        var scope = request.Scope!;
        var key = Key(scope);
        if (IsForbidden(key))
        {
            return await FakeArmReplies.ErrorAsync(context, 403, "AuthorizationFailed",
                $"The client does not have authorization to perform action 'Microsoft.PolicyInsights/policyStates/{request.Operation}/read' over scope '{scope}' or the scope is invalid.").ConfigureAwait(false);
        }

        if (StatesIn(key) is not { } all)
        {
            return scope.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
                ? await FakeArmReplies.ErrorAsync(context, 404, "SubscriptionNotFound", $"The subscription '{key}' could not be found.").ConfigureAwait(false)
                : await FakeArmReplies.ErrorAsync(context, 404, "ManagementGroupNotFound", $"The management group '{key}' could not be found.").ConfigureAwait(false);
        }

        if (FakeQueryFilter.Parse(request.Filter) is not { } matches)
        {
            return await FakeArmReplies.ErrorAsync(context, 400, "InvalidFilterInQueryString", $"The $filter '{request.Filter}' could not be understood.").ConfigureAwait(false);
        }

        var selected = all.Where(matches).ToList();
        if (string.Equals(request.Operation, "summarize", StringComparison.OrdinalIgnoreCase))
        {
            var top = request.Top ?? SummaryDefaultTop;
            await FakeArmReplies.WriteAsync(context, 200, FakePolicySummaryPage.Write(server.Endpoint, scope, selected, top)).ConfigureAwait(false);
            return 200;
        }

        if (request.Apply is { } apply)
        {
            if (apply != "aggregate($count as NumberOfRecords)")
            {
                return await FakeArmReplies.ErrorAsync(context, 400, "InvalidApplyInQueryString", $"The $apply '{apply}' could not be understood.").ConfigureAwait(false);
            }

            await FakeArmReplies.WriteAsync(context, 200, FakePolicyStatesPage.WriteCount(server.Endpoint, scope, selected.Count)).ConfigureAwait(false);
            return 200;
        }

        var pageSize = request.Top ?? server.DefaultPageSize;
        if (server.MaxPageSize is { } max && pageSize > max)
        {
            return await FakeArmReplies.ErrorAsync(context, 400, "ResponseTooLarge", "The response is too large. Ask for fewer records per page with $top, or fewer columns with $select.").ConfigureAwait(false);
        }

        var page = selected.Skip(request.Offset).Take(pageSize).ToList();
        var next = server.NextLinks && request.Offset + pageSize < selected.Count && !(server.TopCapsTotal && request.TopInQuery) ? NextLink(server.Endpoint, request, pageSize) : null;
        await FakeArmReplies.WriteAsync(context, 200, FakePolicyStatesPage.Write(server.Endpoint, scope, page, next)).ConfigureAwait(false);
        return 200;
    }

    private void Collect(string key, List<FakePolicyState> into, HashSet<string> seen)
    {
        if (!seen.Add(key))
        {
            return;
        }

        if (_states.TryGetValue(key, out var own))
        {
            lock (own)
            {
                into.AddRange(own);
            }
        }

        if (_children.TryGetValue(key, out var children))
        {
            List<string> members;
            lock (children)
            {
                members = [.. children];
            }

            foreach (var child in members)
            {
                Collect(child, into, seen);
            }
        }
    }

    private static Uri NextLink(Uri endpoint, FakeAzureRequest request, int top)
    {
        var token = new FakeSkipToken(request.Offset + top, top, request.Filter).Encode();
        return new Uri($"{endpoint.GetLeftPart(UriPartial.Authority)}{request.Scope}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults?api-version=2019-10-01&%24skipToken={token}");
    }
}
