namespace Evidence.Core.Files;

/// <summary>Every entry under a folder, links included but never followed (a linked folder is listed, not entered).</summary>
internal static class FolderEntries
{
    /// <summary>Files, folders and links under <paramref name="folder"/>, in no particular order.</summary>
    public static IEnumerable<FileSystemInfo> Under(string folder)
    {
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(folder)]);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in current.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false }))
            {
                yield return entry;
                if (entry is DirectoryInfo directory && entry.LinkTarget is null)
                {
                    pending.Push(directory);
                }
            }
        }
    }
}
