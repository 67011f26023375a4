using Evidence.Core.Yaml;

namespace Evidence.Core.Tests.Yaml;

public sealed class TimestampsTests
{
    [Fact]
    public void AnInstantInUtcIsRead()
    {
        Assert.True(Timestamps.TryParseUtc("2026-10-06T15:04:00Z", out var instant));

        Assert.Equal(new DateTimeOffset(2026, 10, 6, 15, 4, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void AnInstantWithAnOffsetIsConvertedToUtc()
    {
        Assert.True(Timestamps.TryParseUtc("2026-10-06T10:04:00-05:00", out var instant));

        Assert.Equal(new DateTimeOffset(2026, 10, 6, 15, 4, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void FractionalSecondsAreKept()
    {
        Assert.True(Timestamps.TryParseUtc("2026-10-06T15:04:00.250Z", out var instant));

        Assert.Equal(250, instant.Millisecond);
    }

    [Theory]
    [InlineData("2026-10-06T15:04:00")]
    [InlineData("2026-10-06 15:04")]
    [InlineData("2026-10-06")]
    [InlineData("2026-10-06Z")]
    [InlineData("2026-13-06T15:04:00Z")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void AnythingButAnIsoInstantWithItsOffsetIsRejected(string text)
    {
        Assert.False(Timestamps.TryParseUtc(text, out _));
    }

    [Fact]
    public void FormatWritesSecondsInUtcWithZ()
    {
        var instant = new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal("2026-11-20T06:00:00Z", Timestamps.Format(instant));
    }

    [Fact]
    public void CompactNamesRunFolders()
    {
        Assert.Equal("20261120T060000Z", Timestamps.Compact(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void WhatFormatWritesIsReadBackUnchanged()
    {
        var instant = new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.Zero);

        Assert.True(Timestamps.TryParseUtc(Timestamps.Format(instant), out var read));
        Assert.Equal(instant, read);
    }
}
