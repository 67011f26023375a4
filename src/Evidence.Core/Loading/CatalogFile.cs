using System.Reflection;

namespace Evidence.Core.Loading;

/// <summary>A file of a catalog: its path relative to the catalog root, the path to show in errors, and its text.</summary>
internal sealed record CatalogFile(string RelativePath, string DisplayPath, string Text)
{
    /// <summary>The display prefix of the catalog shipped inside Evidence.</summary>
    public const string BuiltinPrefix = "<builtin>/";

    /// <summary>The catalog shipped inside the Evidence.Core assembly.</summary>
    public static IReadOnlyList<CatalogFile> Builtin()
    {
        var assembly = typeof(CatalogFile).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("controls/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new CatalogFile(n["controls/".Length..], BuiltinPrefix + n, ReadResource(assembly, n)))
            .ToList();
    }

    /// <summary>A catalog folder on disk, laid out like the repository's <c>controls/</c>.</summary>
    public static IReadOnlyList<CatalogFile> FromDirectory(string directory, string displayDirectory) =>
        Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(r => new CatalogFile(r, Path.Combine(displayDirectory, r), File.ReadAllText(Path.Combine(directory, r))))
            .ToList();

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
