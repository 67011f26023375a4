using Evidence.Core.Files;
using Evidence.Testing;

namespace Evidence.Core.Tests.Files;

/// <summary>A path is judged where the operating system would open it: every linked folder on the way followed.</summary>
public sealed class ContainedPathTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly TempDirectory _outside = new();

    [Fact]
    public void APlainFileInsideTheRootIsInside()
    {
        Directory.CreateDirectory(_root.Combine("a"));
        File.WriteAllText(_root.Combine("a/b.txt"), "b");

        Assert.Equal(ContainedPath.Resolve(_root.Combine("a/b.txt")), ContainedPath.Within(_root.Path, "a/b.txt"));
    }

    [Fact]
    public void AFileReachedThroughALinkedFolderIsOutsideEvenThoughOnlyItsFolderIsALink()
    {
        File.WriteAllText(_outside.Combine("shadow"), "secret");
        LinkOrSkip(() => Directory.CreateSymbolicLink(_root.Combine("x"), _outside.Path));

        Assert.Null(ContainedPath.Within(_root.Path, "x/shadow"));
        Assert.Equal(ContainedPath.Resolve(_outside.Combine("shadow")), ContainedPath.Resolve(_root.Combine("x/shadow")));
        Assert.Equal("x", ContainedPath.FirstLink(_root.Path, "x/shadow"));
    }

    [Fact]
    public void ARelativeLinkThatClimbsOutIsOutsideAndOneThatStaysInIsInside()
    {
        Directory.CreateDirectory(_root.Combine("a/b"));
        File.WriteAllText(_root.Combine("a/kept.txt"), "kept");
        LinkOrSkip(() => File.CreateSymbolicLink(_root.Combine("a/b/up"), "../kept.txt"));
        File.CreateSymbolicLink(_root.Combine("a/b/out"), "../../../../../../../../../../../../etc/hostname");

        Assert.NotNull(ContainedPath.Within(_root.Path, "a/b/up"));
        Assert.Null(ContainedPath.Within(_root.Path, "a/b/out"));
    }

    [Fact]
    public void DotDotAfterALinkedFolderIsTakenAsWrittenBeforeLinksAreFollowed()
    {
        // .NET opens "x/../f" as "f" (it shortens the path first), so that is what is judged.
        File.WriteAllText(_root.Combine("f"), "f");
        LinkOrSkip(() => Directory.CreateSymbolicLink(_root.Combine("x"), _outside.Path));

        Assert.NotNull(ContainedPath.Within(_root.Path, "x/../f"));
    }

    [Fact]
    public void ALinkedRootIsResolvedTooSoItsOwnFilesAreInside()
    {
        File.WriteAllText(_outside.Combine("t.scriban"), "t");
        LinkOrSkip(() => Directory.CreateSymbolicLink(_root.Combine("linked"), _outside.Path));

        Assert.NotNull(ContainedPath.Within(_root.Combine("linked"), "t.scriban"));
        Assert.Null(ContainedPath.Within(_root.Combine("linked"), "../x"));
    }

    [Fact]
    public void ALoopOfLinksIsNeverInside()
    {
        LinkOrSkip(() => File.CreateSymbolicLink(_root.Combine("a"), _root.Combine("b")));
        File.CreateSymbolicLink(_root.Combine("b"), _root.Combine("a"));

        Assert.Null(ContainedPath.Resolve(_root.Combine("a")));
        Assert.Null(ContainedPath.Within(_root.Path, "a"));
    }

    [Fact]
    public void AnAbsolutePathOutsideIsOutside() => Assert.Null(ContainedPath.Within(_root.Path, "/etc/hostname"));

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    private static void LinkOrSkip(Action link)
    {
        try
        {
            link();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or PlatformNotSupportedException || e.GetType() == typeof(IOException))
        {
            Assert.Skip($"symbolic links are not supported here: {e.Message}");
        }
    }
}
