using Evidence.Core.Diagnostics;
using Evidence.Rendering;

namespace Evidence.Cli.Commands;

/// <summary>Turns <c>--format pdf,docx,md</c> into the writers the composition root provides, or a usage error.</summary>
internal static class DocumentFormats
{
    /// <summary>Formats Evidence knows, whether or not this build has a writer for them.</summary>
    private static readonly string[] Known = ["pdf", "docx", "md"];

    public static IReadOnlyList<IDocumentWriter> Resolve(string formats, IReadOnlyList<IDocumentWriter> writers)
    {
        var available = writers.Select(w => w.Extension).ToList();
        var names = formats.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw UserException.Usage($"--format needs at least one format: {string.Join(", ", available)}");
        }

        return names.Select(name =>
        {
            if (writers.FirstOrDefault(w => w.Extension == name) is { } writer)
            {
                return writer;
            }

            var all = Known.Union(available).ToList();
            throw all.Contains(name)
                ? UserException.Usage($"--format {name} is not available in this build of Evidence; available: {string.Join(", ", available)}")
                : UserException.Usage($"--format '{name}' is not a document format{Suggestions.DidYouMean(name, all)}; use {string.Join(", ", all)}");
        }).ToList();
    }
}
