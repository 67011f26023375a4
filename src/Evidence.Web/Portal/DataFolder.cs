using Evidence.Core.Files;

namespace Evidence.Web.Portal;

/// <summary>
/// <c>.evidence/</c> in the workspace: the portal's secret, used sign-in links, session keys and audit log.
/// It holds a secret, so it ignores itself in git.
/// </summary>
public sealed class DataFolder
{
    public const string Name = ".evidence";

    public DataFolder(string workspace)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(workspace), Name);
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Creates the folder (owner-only on Unix) with its own .gitignore, once.</summary>
    public void Ensure()
    {
        if (!Directory.Exists(Path))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Path);
            }
            else
            {
                Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var ignore = Combine(".gitignore");
        if (!File.Exists(ignore))
        {
            AtomicFile.WriteAllText(ignore, "# Written by evidence serve: a secret, sign-in state and the audit log. Never commit them.\n*\n", overwrite: true);
        }
    }
}
