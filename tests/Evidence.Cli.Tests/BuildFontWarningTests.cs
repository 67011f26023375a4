using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>evidence build names the characters no installed font can draw, and still writes the PDF.</summary>
public sealed class BuildFontWarningTests
{
    private const string AsOf = "2026-11-21T09:00:00Z";

    [Fact]
    public void ACharacterNoFontHasIsNamedOnStandardErrorWithItsDocumentAndSectionAndTheBuildSucceeds()
    {
        Assert.SkipWhen(new Evidence.Rendering.Fonts.FontLocator().LocateFallbacks().Cjk is null, "Noto Sans CJK is not installed (Debian: apt-get install fonts-noto-cjk)");
        using var workspace = new WorkspaceBuilder().Write("controls/access.yaml", """
            controls:
              - control: "164.312(a)(1)"
                owner: dana
                status: implemented
                statement: Badge readers at the 中文 clinic print the site glyph  on each log line.
            """);
        using var output = new TempDirectory();

        var result = CliRunner.Run("build", workspace.Root, "--format", "pdf", "--only", "ssp", "--output", output.Path, "--as-of", AsOf);

        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("warning:", StringComparison.Ordinal));
        Assert.Equal(
            $"warning: {output.Path}/test-system-SSP-20261121T090000Z.pdf: no installed font has U+E000 (in \"164.312(a)(1) Access control\"); drawn as empty boxes",
            warning.TrimEnd('\r'));
        Assert.True(File.Exists(Path.Combine(output.Path, "test-system-SSP-20261121T090000Z.pdf")));
        result.AssertNoStackTrace();
    }
}
