using Evidence.Core.Files;

namespace Evidence.Cli.Samples;

/// <summary>The Acme Health sample workspace without its evidence run, embedded in the tool.</summary>
internal static class SampleFiles
{
    private const string Prefix = "sample/";

    /// <summary>Writes evidence.yaml, controls/, artifacts/, attestations/ and the architecture diagram into <paramref name="directory"/>.</summary>
    public static int WriteTo(string directory)
    {
        var assembly = typeof(SampleFiles).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            var relative = name[Prefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            AtomicFile.Write(Path.Combine(directory, relative), stream.CopyTo);
        }

        return names.Count;
    }
}
