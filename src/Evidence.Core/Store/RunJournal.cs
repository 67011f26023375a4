using System.Buffers;
using System.Text.Json;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;

namespace Evidence.Core.Store;

/// <summary>
/// A run's items as they complete, one JSON object a line, in <c>manifest.journal</c> beside the manifest
/// while the run is collected. Each line is handed to the operating system as it is added, so a crash
/// loses no item that was recorded; the manifest is written from the journal once, when the run stops,
/// and the journal removed. The writer holds the file locked: a journal that can be locked belongs to a
/// run whose collection died, and <see cref="Recover"/> turns it into that run's (incomplete) manifest.
/// </summary>
internal sealed class RunJournal : IDisposable
{
    public const string FileName = "manifest.journal";

    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly Utf8JsonWriter _json;

    private RunJournal(FileStream stream)
    {
        _stream = stream;
        _json = ManifestWriter.LineWriter(_line);
    }

    public static RunJournal Create(string directory) =>
        new(new FileStream(Path.Combine(directory, FileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16));

    public void Append(EvidenceItem item)
    {
        _line.ResetWrittenCount();
        _json.Reset(_line);
        ManifestWriter.WriteItem(_json, item);
        _json.Flush();
        _line.Write("\n"u8);
        _stream.Write(_line.WrittenSpan);
        _stream.Flush();
    }

    /// <summary>The ids recorded so far, read back from the journal.</summary>
    public HashSet<string> Ids()
    {
        _stream.Flush();
        var end = _stream.Position;
        _stream.Position = 0;
        var ids = JournalLines.Read(_stream).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        _stream.Position = end;
        return ids;
    }

    /// <summary>Writes the manifest of <paramref name="header"/> with every item of the journal, then removes the journal.</summary>
    public void Finish(EvidenceRun header)
    {
        _stream.Flush();
        JournalSorter.WriteManifest(_stream, header, header.ManifestPath, Path.GetDirectoryName(header.Directory)!);
        File.Delete(_stream.Name);
        Dispose();
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }

    /// <summary>
    /// When <paramref name="directory"/> holds the journal of a collection that died (no process holds it),
    /// writes the run's manifest from it, still incomplete, and removes it; a journal whose items the manifest
    /// already lists (the collection died between the two) is just removed. A run still being collected is left alone.
    /// </summary>
    public static void Recover(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var manifest = Path.Combine(directory, EvidenceStoreReader.ManifestFile);
        if (!File.Exists(path) || !File.Exists(manifest))
        {
            return;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        }
        catch (IOException)
        {
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        using (stream)
        {
            var header = HeaderOf(manifest, directory, out var listsItems);
            if (header is not null)
            {
                JournalSorter.WriteManifest(stream, header, manifest, Path.GetDirectoryName(directory)!);
            }

            if (header is not null || listsItems)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The run a manifest with no items yet describes; null when it lists items (<paramref name="listsItems"/>) or cannot be read as the writer writes it.</summary>
    private static EvidenceRun? HeaderOf(string manifest, string directory, out bool listsItems)
    {
        listsItems = false;
        var bytes = new byte[1 << 16];
        int length;
        using (var stream = File.OpenRead(manifest))
        {
            length = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        }

        try
        {
            var r = new Utf8JsonReader(bytes.AsSpan(0, length), isFinalBlock: length < bytes.Length, default);
            string? runId = null, tool = null, systemId = null;
            DateTimeOffset? started = null;
            r.Read();
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var key = r.GetString();
                r.Read();
                switch (key)
                {
                    case "run_id": runId = r.GetString(); break;
                    case "started_at": started = Yaml.Timestamps.TryParseUtc(r.GetString()!, out var at) ? at : null; break;
                    case "tool": tool = r.GetString(); break;
                    case "system_id": systemId = r.GetString(); break;
                    case "items":
                        listsItems = r.Read() && r.TokenType == JsonTokenType.StartObject;
                        return r.TokenType == JsonTokenType.EndArray && runId is not null && started is not null
                            ? new EvidenceRun
                            {
                                RunId = runId, Directory = directory, ManifestPath = manifest, StartedAt = started.Value, State = RunState.Incomplete,
                                Tool = tool, SystemId = systemId, Location = SourceLocation.OfFile(EvidenceStoreReader.ManifestFile),
                            }
                            : null;
                    default: r.Skip(); break;
                }
            }
        }
        catch (JsonException)
        {
        }
        catch (FormatException)
        {
        }

        return null;
    }
}
