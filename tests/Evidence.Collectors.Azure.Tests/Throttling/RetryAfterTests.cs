using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Evidence.Collectors.Azure.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Collectors.Azure.Tests.Throttling;

public sealed class RetryAfterTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("Retry-After", "17", 17_000)]
    [InlineData("Retry-After", "0", 0)]
    [InlineData("retry-after-ms", "250", 250)]
    [InlineData("x-ms-retry-after-ms", "1500", 1500)]
    public void TheWaitIsReadFromSecondsOrMilliseconds(string header, string value, int milliseconds)
    {
        using var response = new HeadersOnlyResponse(new() { [header] = value });

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RetryAfter.Of(response, Time));
    }

    [Fact]
    public void AnHttpDateIsMeasuredFromTheResponsesOwnDate()
    {
        using var response = new HeadersOnlyResponse(new()
        {
            ["Date"] = "Thu, 24 Sep 2020 18:15:14 GMT",
            ["Retry-After"] = "Thu, 24 Sep 2020 18:15:44 GMT",
        });

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Of(response, Time));
    }

    [Fact]
    public void AnHttpDateWithoutADateHeaderIsMeasuredFromTheClock()
    {
        using var response = new HeadersOnlyResponse(new() { ["Retry-After"] = "Fri, 20 Nov 2026 06:00:09 GMT" });

        Assert.Equal(TimeSpan.FromSeconds(9), RetryAfter.Of(response, Time));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("-3")]
    public void NoUsableHeaderMeansTheBackoffDecides(string? value)
    {
        using var response = new HeadersOnlyResponse(value is null ? [] : new() { ["Retry-After"] = value });

        Assert.Null(RetryAfter.Of(response, Time));
    }

    private sealed class HeadersOnlyResponse(Dictionary<string, string> headers) : Response
    {
        public override int Status => 429;

        public override string ReasonPhrase => "Too Many Requests";

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; } = string.Empty;

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => headers.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Key, h.Value));

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            return value is not null;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = TryGetHeader(name, out var value) ? [value] : null;
            return values is not null;
        }
    }
}
