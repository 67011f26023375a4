namespace Evidence.Testing;

/// <summary>Where the repository and its test fixtures are, found from the test's own location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string AcmeHealth => Path.Combine(Root, "samples", "acme-health");

    public static string Catalog => Path.Combine(Root, "controls");

    public static string Schemas => Path.Combine(Root, "schemas");

    /// <summary>The facts the tests check against (the Security Rule, the cloud initiatives, SigV4 vectors), kept in the repository.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "Evidence.Testing", "Fixtures");

    private static string FindRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Evidence.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("Evidence.sln not found above " + AppContext.BaseDirectory);
    }
}
