using System.Text;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// NextToken paging as AWS does it: opaque tokens bound to the call that issued them, a page size
/// from Limit (the API's default when 0 or absent), and InvalidLimitException above the maximum.
/// </summary>
internal static class FakePaging
{
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(
        IReadOnlyList<T> items, FakeAwsRequest request, string scope, int defaultSize, int? maxLimit) =>
        Page(items.Count, i => items[(int)i], request, scope, defaultSize, maxLimit);

    /// <summary>A page of a list that is never made whole: <paramref name="at"/> gives item i of <paramref name="count"/>.</summary>
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(
        long count, Func<long, T> at, FakeAwsRequest request, string scope, int defaultSize, int? maxLimit)
    {
        var limit = request.Limit;
        if (limit is < 0 || (maxLimit is { } max && limit > max))
        {
            throw new FakeAwsException(400, "InvalidLimitException", $"Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to {maxLimit}");
        }

        var size = maxLimit is null || limit is null or 0 ? defaultSize : limit.Value;
        long offset = 0;
        if (request.Text("NextToken") is { Length: > 0 } token)
        {
            offset = Decode(token, scope) ?? throw new FakeAwsException(400, "InvalidNextTokenException", "The nextToken provided is invalid");
        }

        var page = new List<T>();
        for (var i = offset; i < Math.Min(count, offset + size); i++)
        {
            page.Add(at(i));
        }

        var next = offset + size < count ? Encode(scope, offset + size) : null;
        return (page, next);
    }

    private static string Encode(string scope, long offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{scope}\n{offset}"));

    private static long? Decode(string token, string scope)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\n');
            return parts.Length == 2 && parts[0] == scope && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
