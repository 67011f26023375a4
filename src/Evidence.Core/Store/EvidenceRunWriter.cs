using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Core.Store;

/// <summary>
/// Writes one evidence run. The manifest is written as "incomplete" from the start, checkpointed as
/// items come (at most once per <see cref="CheckpointInterval"/>, since each write is the whole manifest)
/// and by <see cref="Checkpoint"/>, and marked "complete" only by <see cref="Complete"/>: a run that stops
/// half-way keeps what it got and is never mistaken for a whole one. Safe to call from several threads.
/// </summary>
public sealed class EvidenceRunWriter
{
    /// <summary>How often, at most, <see cref="Add"/> rewrites the manifest; a crash loses at most this much of it (the files stay).</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    private const int MaxRunsPerSecond = 999;

    private readonly object _gate = new();
    private readonly List<EvidenceItem> _items = [];
    private readonly DateTimeOffset _startedAt;
    private readonly string _systemId;
    private readonly string _tool;
    private long _writtenAt = Environment.TickCount64;
    private bool _dirty;

    private EvidenceRunWriter(string directory, string runId, DateTimeOffset startedAt, string systemId, string tool)
    {
        Directory = directory;
        RunId = runId;
        _startedAt = startedAt;
        _systemId = systemId;
        _tool = tool;
    }

    public string RunId { get; }

    public string Directory { get; }

    /// <summary>The items recorded so far, sorted by id.</summary>
    public IReadOnlyList<EvidenceItem> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.OrderBy(i => i.Id, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>
    /// Creates <c>evidence/runs/&lt;UTC timestamp&gt;/</c>, or <c>&lt;timestamp&gt;-2</c>, <c>-3</c>... when a run
    /// already holds that second (two collects in the same second, or the same <c>--as-of</c>), so no run
    /// is ever reused and ids keep their order. The folder is built under a temporary name beside
    /// <c>runs/</c> and renamed into place, so two collects racing for the same id cannot share a folder.
    /// </summary>
    public static EvidenceRunWriter Start(string workspaceRoot, DateTimeOffset startedAt, string systemId, string tool)
    {
        var runs = Path.Combine(workspaceRoot, EvidenceStoreReader.RunsFolder);
        System.IO.Directory.CreateDirectory(runs);
        var stamp = Timestamps.Compact(startedAt);
        for (var n = 1; n <= MaxRunsPerSecond; n++)
        {
            var runId = n == 1 ? stamp : $"{stamp}-{n.ToString(CultureInfo.InvariantCulture)}";
            var directory = Path.Combine(runs, runId);
            if (System.IO.Directory.Exists(directory))
            {
                continue;
            }

            var staging = Path.Combine(Path.GetDirectoryName(runs)!, $".run-{runId}-{Guid.NewGuid():N}.tmp");
            System.IO.Directory.CreateDirectory(Path.Combine(staging, "raw"));
            System.IO.Directory.CreateDirectory(Path.Combine(staging, "results"));
            new EvidenceRunWriter(staging, runId, startedAt, systemId, tool).WriteManifest(RunState.Incomplete, null);
            try
            {
                // The target never exists empty (every run is renamed into place whole), so the rename fails if another collect took the id.
                System.IO.Directory.Move(staging, directory);
                return new EvidenceRunWriter(directory, runId, startedAt, systemId, tool);
            }
            catch (IOException) when (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(staging, recursive: true);
            }
        }

        throw new IOException($"evidence runs {stamp} to {stamp}-{MaxRunsPerSecond} already exist; runs are never rewritten");
    }

    /// <summary>Scans each raw page as it is saved, so the manifest flags pages with personal data or secrets; null to skip.</summary>
    public Scanning.Scanner? Scanner { get; set; }

    /// <summary>Saves an API response page exactly as received (flagged, not changed, when it holds personal data or secrets).</summary>
    public StoredFile WriteRaw(string itemId, int page, ReadOnlySpan<byte> bytes, string extension = "json")
    {
        var relative = $"raw/{itemId}-{page}.{extension}";
        var copy = bytes.ToArray();
        AtomicFile.Write(Path.Combine(Directory, relative), s => s.Write(copy));
        return new StoredFile(relative, Convert.ToHexStringLower(SHA256.HashData(copy)), copy.Length, SourceLocation.OfFile(relative))
        {
            Sensitive = Scanner is { } scanner ? Scanning.SensitiveSummary.Of(scanner, copy) : null,
        };
    }

    /// <summary>Writes an item's parsed rows as JSON lines and counts them by compliance state.</summary>
    public (StoredFile File, int Rows, ComplianceCounts Counts) WriteResults(string itemId, IEnumerable<ResultRow> rows)
    {
        var relative = $"results/{itemId}.jsonl";
        int count = 0, compliant = 0, nonCompliant = 0, notApplicable = 0, insufficient = 0;
        var sha = string.Empty;
        long length = 0;
        AtomicFile.Write(Path.Combine(Directory, relative), stream =>
        {
            using var hashing = new HashingStream(stream);
            using (var json = new Utf8JsonWriter(hashing))
            {
                foreach (var row in rows)
                {
                    ResultRowFormat.Write(json, row);
                    json.Flush();
                    hashing.WriteByte((byte)'\n');
                    json.Reset();
                    count++;
                    switch (row.Compliance)
                    {
                        case "COMPLIANT": compliant++; break;
                        case "NON_COMPLIANT": nonCompliant++; break;
                        case "NOT_APPLICABLE": notApplicable++; break;
                        default: insufficient++; break;
                    }
                }
            }

            sha = hashing.Finish();
            length = hashing.Length;
        });
        return (new StoredFile(relative, sha, length, SourceLocation.OfFile(relative)), count, new ComplianceCounts(compliant, nonCompliant, notApplicable, insufficient));
    }

    /// <summary>Records an item, and checkpoints the manifest (still incomplete) when the last checkpoint is old enough.</summary>
    public void Add(EvidenceItem item)
    {
        lock (_gate)
        {
            _items.Add(item with { RunId = RunId });
            _dirty = true;
            if (Environment.TickCount64 - _writtenAt >= CheckpointInterval.TotalMilliseconds)
            {
                WriteManifest(RunState.Incomplete, null);
            }
        }
    }

    /// <summary>Writes the manifest, still incomplete, with every item recorded so far (when any came since the last write).</summary>
    public void Checkpoint()
    {
        lock (_gate)
        {
            if (_dirty)
            {
                WriteManifest(RunState.Incomplete, null);
            }
        }
    }

    public void Complete(DateTimeOffset completedAt)
    {
        lock (_gate)
        {
            WriteManifest(RunState.Complete, completedAt);
        }
    }

    private void WriteManifest(RunState state, DateTimeOffset? completedAt)
    {
        var run = new EvidenceRun
        {
            RunId = RunId, Directory = Directory, ManifestPath = Path.Combine(Directory, EvidenceStoreReader.ManifestFile),
            StartedAt = _startedAt, CompletedAt = completedAt, State = state, Tool = _tool, SystemId = _systemId,
            Items = _items, Location = SourceLocation.OfFile(EvidenceStoreReader.ManifestFile),
        };
        AtomicFile.Write(run.ManifestPath, s => ManifestWriter.Write(s, run), overwrite: true);
        _writtenAt = Environment.TickCount64;
        _dirty = false;
    }
}
