namespace Evidence.Rendering.Fonts;

/// <summary>
/// Finds the TrueType fonts a PDF is drawn with: the file the settings name, or else the best
/// installed family (DejaVu Sans, Liberation Sans, Noto Sans, Arial, Helvetica) and a monospace
/// face (DejaVu Sans Mono, Liberation Mono, Noto Sans Mono, Courier New).
/// </summary>
public sealed class FontLocator
{
    /// <summary>Searches the usual font folders of Linux, Windows and macOS.</summary>
    public FontLocator()
        : this(DefaultFolders())
    {
    }

    /// <summary>Searches only <paramref name="searchFolders"/> (in order; earlier folders win).</summary>
    public FontLocator(IEnumerable<string> searchFolders)
    {
        ArgumentNullException.ThrowIfNull(searchFolders);
        SearchFolders = [.. searchFolders];
    }

    public IReadOnlyList<string> SearchFolders { get; }

    /// <summary>The folders searched by default, in order.</summary>
    public static IReadOnlyList<string> DefaultFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Windows);
        var localAppData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        var folders = new List<string> { "/usr/share/fonts", "/usr/local/share/fonts" };
        if (home.Length > 0)
        {
            folders.Add(Path.Combine(home, ".local", "share", "fonts"));
            folders.Add(Path.Combine(home, ".fonts"));
            folders.Add(Path.Combine(home, "Library", "Fonts"));
        }

        if (windows.Length > 0)
        {
            folders.Add(Path.Combine(windows, "Fonts"));
        }

        if (localAppData.Length > 0)
        {
            folders.Add(Path.Combine(localAppData, "Microsoft", "Windows", "Fonts"));
        }

        folders.AddRange(["/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental"]);
        return folders;
    }

    /// <summary>
    /// The fonts to use: <paramref name="fontFile"/> for every face when given, else the best installed family.
    /// </summary>
    /// <exception cref="FontNotFoundException">The named file is missing or not TrueType, or no known family is installed.</exception>
    public LocatedFonts Locate(string? fontFile = null)
    {
        if (!string.IsNullOrWhiteSpace(fontFile))
        {
            return FromFile(fontFile);
        }

        var files = IndexFontFiles();
        foreach (var family in FontCandidates.Proportional)
        {
            var regular = Find(files, family.Regular);
            if (regular is null)
            {
                continue;
            }

            return new LocatedFonts(family.Name, regular)
            {
                Bold = Find(files, family.Bold),
                Italic = Find(files, family.Italic),
                BoldItalic = Find(files, family.BoldItalic),
                Monospace = Find(files, FontCandidates.Monospace),
            };
        }

        throw FontNotFoundException.NoUsableFont(SearchFolders);
    }

    /// <summary>The installed fallback faces for CJK text and emoji (see <see cref="FallbackFaces"/>); absent ones are null.</summary>
    public FallbackFaces LocateFallbacks()
    {
        var files = IndexFontFiles("*.tt?", "*.otf");
        var cjk = Find(files, FallbackFaces.CjkFiles);
        var emoji = Find(files, FallbackFaces.EmojiFiles);
        return new FallbackFaces(cjk, emoji);
    }

    private static LocatedFonts FromFile(string fontFile)
    {
        var path = Path.GetFullPath(fontFile);
        if (!File.Exists(path))
        {
            throw FontNotFoundException.FontFileMissing(fontFile);
        }

        if (!IsTrueType(path))
        {
            throw FontNotFoundException.NotTrueType(fontFile);
        }

        return new LocatedFonts(Path.GetFileNameWithoutExtension(path), path);
    }

    // TrueType outlines start with version 1.0 or 'true'; 'OTTO' (CFF) and 'ttcf' (collections) cannot be embedded.
    private static bool IsTrueType(string path)
    {
        Span<byte> tag = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        if (stream.ReadAtLeast(tag, 4, throwOnEndOfStream: false) < 4)
        {
            return false;
        }

        return tag.SequenceEqual((ReadOnlySpan<byte>)[0, 1, 0, 0]) || tag.SequenceEqual("true"u8);
    }

    private static string? Find(Dictionary<string, string> files, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (files.TryGetValue(name, out var path))
            {
                return path;
            }
        }

        return null;
    }

    // File name → path. Earlier folders win; inside a folder the ordinally first path wins, so the
    // choice does not depend on the order the file system lists entries in.
    private Dictionary<string, string> IndexFontFiles(params string[] patterns)
    {
        patterns = patterns.Length == 0 ? ["*.ttf"] : patterns;
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            MatchCasing = MatchCasing.CaseInsensitive,
        };
        foreach (var folder in SearchFolders)
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var paths = patterns.SelectMany(p => Directory.EnumerateFiles(folder, p, options)).Distinct(StringComparer.Ordinal).ToList();
            paths.Sort(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                index.TryAdd(Path.GetFileName(path), path);
            }
        }

        return index;
    }
}
