using System.Collections;
using System.Text.Json;
using Evidence.Core.Store;

namespace Evidence.Core.Loading;

/// <summary>
/// The raw pages of every item of one run, read from the manifest the first time any of them is asked for
/// (verification, the binder), in one pass. A long history is read for its items' answers; its pages, most
/// of a manifest's bytes, are rarely needed.
/// </summary>
internal sealed class RawPages(string manifestPath, string shown)
{
    private readonly List<long> _offsets = [];
    private IReadOnlyList<StoredFile>[]? _pages;

    /// <summary>The pages of the item whose <c>raw</c> array starts at <paramref name="offset"/> (increasing from one call to the next).</summary>
    public IReadOnlyList<StoredFile> Add(long offset)
    {
        _offsets.Add(offset);
        return new Pages(this, _offsets.Count - 1);
    }

    /// <summary>What the strict reader accepts as a stored file: a path inside the run folder, and a lower-case hex SHA-256.</summary>
    public static bool IsValid(string path, string sha) =>
        !Path.IsPathRooted(path) && !path.Split('/').Contains("..") && sha.Length == 64 && sha.All(char.IsAsciiHexDigitLower);

    private IReadOnlyList<StoredFile> Get(int index)
    {
        if (_pages is null)
        {
            lock (_offsets)
            {
                _pages ??= Load();
            }
        }

        return _pages[index];
    }

    private IReadOnlyList<StoredFile>[] Load()
    {
        var bytes = new ManifestBytes(File.ReadAllBytes(manifestPath), shown);
        return _offsets.Select(offset => Read(bytes, offset)).ToArray();
    }

    private static List<StoredFile> Read(ManifestBytes bytes, long offset)
    {
        var reader = new Utf8JsonReader(bytes.Bytes.AsSpan((int)offset));
        var files = new List<StoredFile>();
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? path = null, sha = null;
            long size = 0;
            Scanning.SensitiveSummary? sensitive = null;
            var location = bytes.Locate(offset + reader.TokenStartIndex);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString();
                reader.Read();
                switch (key)
                {
                    case "path":
                        location = bytes.Locate(offset + reader.TokenStartIndex);
                        path = reader.GetString();
                        break;
                    case "sha256": sha = reader.GetString(); break;
                    case "bytes": size = reader.GetInt64(); break;
                    case "sensitive": sensitive = ReadSensitive(ref reader); break;
                    default: throw Invalid(location, $"unknown key '{key}' in a raw file entry");
                }
            }

            files.Add(path is not null && sha is not null && IsValid(path, sha)
                ? new StoredFile(path, sha, size, location) { Sensitive = sensitive }
                : throw Invalid(location, "a raw file entry needs a 'path' inside the run folder and a 'sha256' of 64 lower-case hexadecimal digits"));
        }

        return files;
    }

    private static InvalidDataException Invalid(Diagnostics.SourceLocation location, string message) =>
        new($"{location}: {message}; 'evidence verify' reports every problem of the run");

    /// <summary>One item's pages, loaded with the run's on first use.</summary>
    private sealed class Pages(RawPages owner, int index) : IReadOnlyList<StoredFile>
    {
        public int Count => owner.Get(index).Count;

        public StoredFile this[int i] => owner.Get(index)[i];

        public IEnumerator<StoredFile> GetEnumerator() => owner.Get(index).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A raw page's <c>sensitive</c> flag: how many hits collection found in it, and of which kinds.</summary>
    private static Scanning.SensitiveSummary ReadSensitive(ref Utf8JsonReader reader)
    {
        var hits = 0;
        var kinds = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString();
            reader.Read();
            if (key == "hits")
            {
                hits = reader.GetInt32();
            }
            else if (key == "kinds")
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    kinds.Add(reader.GetString()!);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new Scanning.SensitiveSummary(hits, kinds);
    }
}
