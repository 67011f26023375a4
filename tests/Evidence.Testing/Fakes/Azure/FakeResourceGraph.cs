using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// The fake server's Resource Graph: <c>POST /providers/Microsoft.ResourceGraph/resources</c> with the
/// query, its subscriptions or management groups and <c>options.$top</c>/<c>$skipToken</c>, answered in
/// <c>objectArray</c> pages of at most <c>$top</c> (1000 at most) chained by <c>$skipToken</c>, or
/// <c>resultTruncated</c> without a token when <see cref="SkipTokens"/> is off. Queries of <c>policyresources</c>
/// read the policy states of <see cref="FakePolicyInsights"/> (<see cref="FakePolicyResources"/>).
/// </summary>
public sealed class FakeResourceGraph
{
    public const string Path = "/providers/Microsoft.ResourceGraph/resources";

    private readonly ConcurrentDictionary<string, List<FakeGraphResource>> _resources = new(StringComparer.OrdinalIgnoreCase);

    // The last policyresources answer, so that its later pages are cut from it rather than computed again (the service pages a snapshot too).
    private (string Key, IReadOnlyList<object>? Rows) _lastPolicyAnswer = (string.Empty, null);

    /// <summary>When false an answer longer than one page is cut at the page and says <c>resultTruncated: "true"</c>, with no token.</summary>
    public bool SkipTokens { get; set; } = true;

    /// <summary>Every request body the graph received, in order.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>Adds resources to a subscription id or a management group's name.</summary>
    public FakeResourceGraph Add(string scope, IEnumerable<FakeGraphResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var list = _resources.GetOrAdd(scope, _ => []);
        lock (list)
        {
            list.AddRange(resources);
        }

        return this;
    }

    internal async Task<int> ServeAsync(HttpContext context, FakePolicyInsights policy)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return await FakeArmReplies.ErrorAsync(context, 405, "MethodNotAllowed", "resources takes POST.").ConfigureAwait(false);
        }

        if (context.Request.Query["api-version"] != "2022-10-01")
        {
            return await FakeArmReplies.ErrorAsync(context, 400, "InvalidApiVersionParameter", "The api-version must be 2022-10-01.").ConfigureAwait(false);
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        Bodies.Enqueue(text);
        if (Request.Parse(text) is not { } request)
        {
            return await FakeArmReplies.ErrorAsync(context, 400, "BadRequest", "The request body must have 'query' and 'subscriptions' or 'managementGroups'.").ConfigureAwait(false);
        }

        if (request.Scopes.FirstOrDefault(policy.IsForbidden) is { } refused)
        {
            return await FakeArmReplies.ErrorAsync(context, 403, "AuthorizationFailed", $"The client does not have authorization over scope '{refused}'.").ConfigureAwait(false);
        }

        var rows = Rows(request, policy);
        if (rows is null)
        {
            return await FakeArmReplies.ErrorAsync(context, 400, "BadRequest", $"Please provide below info when asking for support: ... InvalidQuery: Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying. ({request.Query})").ConfigureAwait(false);
        }

        var page = rows.Skip(request.Offset).Take(request.Top).ToList();
        var more = request.Offset + page.Count < rows.Count;
        var answer = new Dictionary<string, object>
        {
            ["totalRecords"] = rows.Count,
            ["count"] = page.Count,
            ["data"] = page,
            ["facets"] = Array.Empty<object>(),
            ["resultTruncated"] = more && !SkipTokens ? "true" : "false",
        };
        if (more && SkipTokens)
        {
            answer["$skipToken"] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"offset={request.Offset + page.Count}")));
        }

        await FakeArmReplies.WriteAsync(context, 200, JsonSerializer.SerializeToUtf8Bytes(answer)).ConfigureAwait(false);
        return 200;
    }

    /// <summary>Every row the query matches over the request's scopes, in order; null when the query is not understood.</summary>
    private IReadOnlyList<object>? Rows(Request request, FakePolicyInsights policy)
    {
        if (request.Query.TrimStart().StartsWith("policyresources", StringComparison.OrdinalIgnoreCase))
        {
            var key = string.Join('|', [.. request.Scopes, request.Query, policy.Version.ToString(CultureInfo.InvariantCulture)]);
            var last = _lastPolicyAnswer;
            if (last.Key == key)
            {
                return last.Rows;
            }

            var states = request.Scopes.SelectMany(s => policy.StatesIn(s) ?? []).DistinctBy(s => (s.ResourceId, s.PolicyAssignmentId, s.PolicyDefinitionReferenceId));
            var rows = FakePolicyResources.Answer(request.Query, states);
            _lastPolicyAnswer = (key, rows);
            return rows;
        }

        return FakeGraphQuery.Parse(request.Query) is { } query
            ? [.. request.Scopes.SelectMany(Resources).Where(query.Matches).OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase).Select(query.Row)]
            : null;
    }

    private List<FakeGraphResource> Resources(string scope)
    {
        if (!_resources.TryGetValue(scope, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    private sealed record Request(IReadOnlyList<string> Scopes, string Query, int Top, int Offset)
    {
        public static Request? Parse(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                var scopes = new List<string>();
                foreach (var name in new[] { "subscriptions", "managementGroups" })
                {
                    if (root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        scopes.AddRange(list.EnumerateArray().Select(e => e.GetString() ?? string.Empty));
                    }
                }

                if (scopes.Count == 0 || !root.TryGetProperty("query", out var query) || query.GetString() is not { } text)
                {
                    return null;
                }

                var top = 1000;
                var offset = 0;
                if (root.TryGetProperty("options", out var options))
                {
                    top = options.TryGetProperty("$top", out var t) ? Math.Clamp(t.GetInt32(), 1, 1000) : top;
                    offset = options.TryGetProperty("$skipToken", out var token) && token.GetString() is { } skip
                        ? int.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(skip))["offset=".Length..], CultureInfo.InvariantCulture)
                        : 0;
                }

                return new Request(scopes, text, top, offset);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return null;
            }
        }
    }
}
