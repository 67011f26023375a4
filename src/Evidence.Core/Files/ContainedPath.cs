namespace Evidence.Core.Files;

/// <summary>
/// The one check for every path Evidence reads on a workspace's behalf (templates, artifacts, fonts,
/// runs, recordings): the path is resolved the way the operating system will open it — every folder
/// on the way and the file itself with its links followed, as <c>realpath</c> does — and must land
/// inside its root, resolved the same way. Checking only the last link, or the text of the path,
/// lets a linked folder lead anywhere.
/// </summary>
public static class ContainedPath
{
    // As Linux's ELOOP: more links than this on one path is a loop.
    private const int MaxLinks = 40;

    private static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// <paramref name="path"/> with every link on the way followed; parts that do not exist are kept as
    /// written. Null when the links loop.
    /// </summary>
    public static string? Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        Push(pending, full[current.Length..]);
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A link's target is read from the folder that holds the link; what is left of the path follows it.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            Push(pending, target);
        }

        return current;
    }

    /// <summary>
    /// The resolved path of <paramref name="path"/> (absolute, or relative to <paramref name="root"/>)
    /// when it stays inside <paramref name="root"/> (itself resolved); null when it leads outside.
    /// </summary>
    public static string? Within(string root, string path)
    {
        var resolvedRoot = Resolve(root);
        var resolved = Resolve(Path.Combine(root, path));
        return resolvedRoot is not null && resolved is not null && IsInside(resolvedRoot, resolved) ? resolved : null;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or below it; both already resolved.</summary>
    public static bool IsInside(string root, string path)
    {
        var folder = Path.TrimEndingDirectorySeparator(root);
        return string.Equals(Path.TrimEndingDirectorySeparator(path), folder, Comparison) ||
               path.StartsWith(folder + Path.DirectorySeparatorChar, Comparison) ||
               (folder.Length > 0 && folder[^1] == Path.DirectorySeparatorChar && path.StartsWith(folder, Comparison));
    }

    /// <summary>The first link on the way from <paramref name="root"/> to <paramref name="relative"/> (relative to the root, '/'-separated); null when there is none.</summary>
    public static string? FirstLink(string root, string relative)
    {
        var current = root;
        var shown = string.Empty;
        foreach (var part in relative.Split('/', '\\').Where(p => p.Length > 0 && p != "."))
        {
            current = Path.Combine(current, part);
            shown = shown.Length == 0 ? part : $"{shown}/{part}";
            if (LinkTarget(current) is not null)
            {
                return shown;
            }
        }

        return null;
    }

    private static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (parts[i] != ".")
            {
                pending.Push(parts[i]);
            }
        }
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
