using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>Input is read exactly: bytes that are not UTF-8 and tabs that indent are named where they are.</summary>
public sealed class InputEncodingTests
{
    [Fact]
    public void InvalidUtf8InAYamlFileIsReportedAtItsLineAndColumn()
    {
        using var workspace = new WorkspaceBuilder();
        var text = File.ReadAllText(workspace.PathOf("evidence.yaml"));
        var at = workspace.Locate("evidence.yaml", "Test System");
        var index = text.IndexOf("Test System", StringComparison.Ordinal);
        var bytes = new List<byte>(System.Text.Encoding.UTF8.GetBytes(text[..index]));
        bytes.Add(0xC3); // a lead byte without its continuation: Latin-1 "Ã" saved as is
        bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text[index..]));
        File.WriteAllBytes(workspace.PathOf("evidence.yaml"), [.. bytes]);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("0xC3", error.Message, StringComparison.Ordinal);
        Assert.Equal(at, error.Location);
    }

    [Fact]
    public void AByteOrderMarkIsNotAnError()
    {
        using var workspace = new WorkspaceBuilder();
        var bytes = File.ReadAllBytes(workspace.PathOf("evidence.yaml"));
        File.WriteAllBytes(workspace.PathOf("evidence.yaml"), [0xEF, 0xBB, 0xBF, .. bytes]);

        Assert.Empty(workspace.Load().Diagnostics);
    }

    [Fact]
    public void AnUnclosedFlowSequenceBeforeAMappingIsAPositionedErrorNotACrash()
    {
        // YamlDotNet's scanner throws InvalidOperationException, not YamlException, for this shape.
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "\nsystem:", "\nserve: [unclosed\nsystem:");
        var opened = workspace.Locate("evidence.yaml", "[unclosed");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("close the '['", error.Message, StringComparison.Ordinal);
        Assert.Equal(opened.Line, error.Location.Line);
    }

    [Fact]
    public void ATabThatIndentsAKeyIsReportedOnItsLine()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "  name: Test System", "\tname: Test System");
        var tab = workspace.Locate("evidence.yaml", "\tname: Test System");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("a tab indents this line", error.Message, StringComparison.Ordinal);
        Assert.Equal(tab, error.Location);
        Assert.NotEqual(1, error.Location.Line);
    }
}
