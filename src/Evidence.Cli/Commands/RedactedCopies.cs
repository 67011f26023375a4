namespace Evidence.Cli.Commands;

/// <summary>
/// A private temporary folder for the redacted copies of attachments that <c>build --redact</c> embeds; removed
/// with everything in it when the build ends, so no copy of evidence outlives the documents that carry it.
/// </summary>
internal sealed class RedactedCopies : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("evidence-redacted-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A folder in the system's temporary area that could not be removed now is left to its cleaner.
        }
    }
}
