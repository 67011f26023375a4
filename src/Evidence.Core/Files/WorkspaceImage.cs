using System.Globalization;

namespace Evidence.Core.Files;

/// <summary>
/// An image file of the workspace (a diagram the plan names), read whole and checked: its path is
/// relative and stays inside the workspace, links followed; it is at most <see cref="MaxBytes"/>; and its
/// bytes are a PNG or JPEG of a sensible size (<see cref="ImageHeader"/>). The validator and the document
/// pipeline read it the same way, so a file changed between the two is checked again.
/// </summary>
public sealed record WorkspaceImage(string Path, ImageInfo Info, byte[] Bytes)
{
    /// <summary>The largest image file a document embeds.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Reads <paramref name="path"/> (relative to <paramref name="root"/>, '/' between folders); null with
    /// <paramref name="problem"/> (a phrase that follows the path, ending with the fix) when it cannot be embedded.
    /// </summary>
    public static WorkspaceImage? Read(string root, string path, out string problem)
    {
        if (path.Length == 0 || System.IO.Path.IsPathRooted(path) || path.IndexOfAny([':', '\\', '<', '>']) >= 0 || path.Any(char.IsControl))
        {
            problem = "must be a file path relative to the workspace, written with '/', such as diagrams/architecture.png";
            return null;
        }

        var fullRoot = System.IO.Path.GetFullPath(root);
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(fullRoot, path));
        if (!ContainedPath.IsInside(fullRoot, full) || full == fullRoot)
        {
            problem = "points outside the workspace; keep the diagram inside the workspace folder";
            return null;
        }

        if (!File.Exists(full))
        {
            problem = "is not a file in the workspace; check the path, or export the diagram there";
            return null;
        }

        if (ContainedPath.Within(fullRoot, path) is not { } resolved)
        {
            problem = $"escapes the workspace through a link (it leads to {ContainedPath.Resolve(full) ?? "a loop of links"}); keep the file itself inside the workspace folder";
            return null;
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(resolved, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxBytes)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"is {stream.Length / (1024.0 * 1024.0):0.0} MB; a diagram may be at most {MaxBytes / (1024 * 1024)} MB, export it smaller");
                return null;
            }

            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (IOException e)
        {
            problem = $"cannot be read ({e.Message})";
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            problem = "cannot be read (permission denied)";
            return null;
        }

        return ImageHeader.Read(bytes, out problem) is { } info ? new WorkspaceImage(path, info, bytes) : null;
    }
}
