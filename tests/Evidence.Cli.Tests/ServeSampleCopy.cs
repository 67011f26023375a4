using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>The sample workspace copied (without recordings or .evidence), for serve commands that write the audit log or link ledger.</summary>
internal static class ServeSampleCopy
{
    public static void Make(string to) => Copy(RepositoryPaths.AcmeHealth, to);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(folder);
            if (name is not ("recordings" or ".evidence"))
            {
                Copy(folder, Path.Combine(to, name));
            }
        }
    }
}
