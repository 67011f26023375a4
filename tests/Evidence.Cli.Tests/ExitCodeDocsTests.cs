using System.Text.RegularExpressions;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>docs/exit-codes.md lists exactly the codes of <see cref="ExitCode"/>, by number and name.</summary>
public sealed partial class ExitCodeDocsTests
{
    [Fact]
    public void TheExitCodesPageListsEveryCodeByNumberAndName()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "exit-codes.md"));

        var documented = Row().Matches(page).Select(m => (int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["name"].Value));

        Assert.Equal(Enum.GetValues<ExitCode>().Select(c => ((int)c, c.ToString())), documented);
    }

    [GeneratedRegex(@"^\| (?<code>\d+) \| (?<name>\w+) \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
