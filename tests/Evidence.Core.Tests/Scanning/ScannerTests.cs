using System.Text.RegularExpressions;
using Evidence.Core.Scanning;

namespace Evidence.Core.Tests.Scanning;

public sealed class ScannerTests
{
    [Fact]
    public void AHitHasItsLineColumnAndAPreviewWithoutTheValue()
    {
        var hits = Scanner.Default.Scan("first line\n  SSN 219-09-9999 and key AKIAIOSFODNN7EXAMPLE\n");

        Assert.Collection(
            hits,
            h => Assert.Equal(("ssn", 2, 7, "***-**-****"), (h.Kind, h.Line, h.Column, h.Preview)),
            h => Assert.Equal(("aws-access-key-id", 2, 27, "AKIA****************"), (h.Kind, h.Line, h.Column, h.Preview)));
    }

    [Fact]
    public void RedactionReplacesEachValueWithItsTypedMarker()
    {
        var text = Scanner.Default.Redact("DOB: 1980-02-29, email pat@mail.example.", out var hits);

        Assert.Equal("DOB: [REDACTED: date-of-birth], email [REDACTED: email].", text);
        Assert.Equal(2, hits.Count);
    }

    [Theory]
    [InlineData("password=jane.doe@gmail.com", "password")]
    [InlineData("see https://app.example/cb?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "url-token")]
    [InlineData("member=pat.smith@mail.example member=pat.smith@mail.example member=pat.smith@mail.example member=pat.smith@mail.example member=pat.smith@mail.example member=pat.smith@mail.example member=pat.smith@mail.example member=pat.smith@mail.example member=pat.smith@mail.example password=jane.doe@gmail.com", "password")]
    public void OfTwoFindsOfOneValueTheOneFoundFirstInTheTextIsKept(string text, string kind)
    {
        // A password that is an e-mail address stays a password (its preview shows nothing of it), and a token in a URL
        // stays a URL token, however many other finds the text has.
        var hit = Scanner.Default.Scan(text)[^1];

        Assert.Equal(kind, hit.Kind);
        Assert.DoesNotContain("gmail", hit.Preview, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedValuesAndIgnoredIpAddressesAreNotHits()
    {
        var scanner = new Scanner(ScanSettings.Default with
        {
            Ip = IpMode.Ignore,
            Allow = [new AllowedValue("219-09-9999", null, "the SSA's advertising sample")],
        });

        Assert.Empty(scanner.Scan("SSN 219-09-9999 from 203.0.113.9"));
        Assert.Single(Scanner.Default.Scan("from 203.0.113.9"));
    }

    [Fact]
    public void AWorkspacePatternThatRunsTooLongStopsWithItsName()
    {
        var slow = new ScanPattern("slow", new Regex("(a+)+b", RegexOptions.None, TimeSpan.FromMilliseconds(5)));
        var scanner = new Scanner(ScanSettings.Default with { Patterns = [slow] });

        var error = Assert.Throws<ScanPatternTimeoutException>(() => scanner.Scan(new string('a', 5000) + "c"));

        Assert.Contains("'slow'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATextOfNothingButNearMissesHasNoHits()
    {
        // Digits and labels everywhere, none of them a valid SSN, date of birth or record number.
        // Its speed is not timed here: a unit test that times itself fails on a loaded machine.
        var text = string.Concat(Enumerable.Repeat("123-45-678 dob: x mrn: y 1.2.3 ", 100_000));

        var hits = Scanner.Default.Scan(text);

        Assert.Empty(hits);
    }
}
