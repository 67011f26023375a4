using System.Text.Json;

namespace Evidence.Core.Store;

/// <summary>
/// Writes a run's manifest from its journal: the items in id order (the journal holds them in the order
/// they completed), by an external merge sort, so memory holds one chunk of lines, never the run. Items
/// with the same id keep the journal's order. The bytes are those <see cref="ManifestWriter"/> writes for
/// the same items held in memory.
/// </summary>
internal static class JournalSorter
{
    /// <summary>Bytes of journal lines sorted in memory at a time; a run bigger than this spills sorted chunks beside the run.</summary>
    internal static int ChunkBytes { get; set; } = 32 << 20;

    public static void WriteManifest(Stream journal, EvidenceRun header, string manifestPath, string scratchDirectory)
    {
        journal.Position = 0;
        var spills = new List<string>();
        try
        {
            var chunk = new List<(string Id, byte[] Line)>();
            long bytes = 0;
            foreach (var line in JournalLines.Read(journal))
            {
                chunk.Add(line);
                bytes += line.Line.Length;
                if (bytes >= ChunkBytes)
                {
                    spills.Add(Spill(Sorted(chunk), scratchDirectory, header.RunId, spills.Count));
                    chunk.Clear();
                    bytes = 0;
                }
            }

            if (spills.Count == 0)
            {
                Write(manifestPath, header, Sorted(chunk).Select(l => l.Line));
                return;
            }

            if (chunk.Count > 0)
            {
                spills.Add(Spill(Sorted(chunk), scratchDirectory, header.RunId, spills.Count));
                chunk.Clear();
            }

            Write(manifestPath, header, Merge(spills));
        }
        finally
        {
            foreach (var spill in spills)
            {
                File.Delete(spill);
            }
        }
    }

    private static List<(string Id, byte[] Line)> Sorted(List<(string Id, byte[] Line)> chunk)
    {
        // A stable sort: equal ids stay in journal order.
        return [.. chunk.OrderBy(l => l.Id, StringComparer.Ordinal)];
    }

    private static string Spill(List<(string Id, byte[] Line)> sorted, string directory, string runId, int index)
    {
        var path = Path.Combine(directory, $".{runId}.sort-{index}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        foreach (var (_, line) in sorted)
        {
            stream.Write(line);
            stream.WriteByte((byte)'\n');
        }

        return path;
    }

    /// <summary>The lines of every spill in id order; on equal ids the earlier spill (earlier in the journal) first.</summary>
    private static IEnumerable<byte[]> Merge(List<string> spills)
    {
        var streams = spills.Select(s => new FileStream(s, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16)).ToList();
        try
        {
            var readers = streams.Select(s => JournalLines.Read(s).GetEnumerator()).ToList();
            var queue = new PriorityQueue<int, (string Id, int Spill)>(Comparer<(string Id, int Spill)>.Create((a, b) =>
            {
                var byId = string.CompareOrdinal(a.Id, b.Id);
                return byId != 0 ? byId : a.Spill.CompareTo(b.Spill);
            }));
            for (var i = 0; i < readers.Count; i++)
            {
                if (readers[i].MoveNext())
                {
                    queue.Enqueue(i, (readers[i].Current.Id, i));
                }
            }

            while (queue.TryDequeue(out var next, out _))
            {
                yield return readers[next].Current.Line;
                if (readers[next].MoveNext())
                {
                    queue.Enqueue(next, (readers[next].Current.Id, next));
                }
            }
        }
        finally
        {
            foreach (var stream in streams)
            {
                stream.Dispose();
            }
        }
    }

    private static void Write(string manifestPath, EvidenceRun header, IEnumerable<byte[]> lines) =>
        Files.AtomicFile.Write(manifestPath, s => ManifestWriter.Write(s, header, w =>
        {
            foreach (var line in lines)
            {
                using var item = JsonDocument.Parse(line);
                item.RootElement.WriteTo(w);
            }
        }), overwrite: true);
}
