using Evidence.Testing;

namespace Evidence.Web.Tests;

/// <summary>
/// The sample workspace copied to a temp folder (without its recordings, which serve does not read, unless a test
/// replays them with 'collect --offline'), so a test may attest, tamper and sign in without touching the repository.
/// </summary>
public sealed class SampleCopy : IDisposable
{
    private readonly TempDirectory _directory = new();

    private readonly bool _withRecordings;

    public SampleCopy(bool withRecordings = false)
    {
        _withRecordings = withRecordings;
        Copy(RepositoryPaths.AcmeHealth, _directory.Path);
    }

    public string Root => _directory.Path;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => _directory.Dispose();

    private void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(folder);
            if (name != ".evidence" && (name != "recordings" || _withRecordings))
            {
                Copy(folder, Path.Combine(to, name));
            }
        }
    }
}
