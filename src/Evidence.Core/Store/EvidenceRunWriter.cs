using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Core.Store;

/// <summary>
/// Writes one evidence run. The manifest is written as "incomplete" from the start; each item is appended to
/// the run's journal (<see cref="RunJournal"/>) as it is added, so a crash loses none, and the manifest is
/// written once, from the journal, when the run stops: "complete" by <see cref="Complete"/>, still "incomplete"
/// by <see cref="Checkpoint"/>. A run that stops half-way keeps what it got and is never mistaken for a whole
/// one; memory holds a tally of the items, never the items. Safe to call from several threads.
/// </summary>
public sealed class EvidenceRunWriter
{
    private const int MaxRunsPerSecond = 999;

    private readonly object _gate = new();
    private readonly DateTimeOffset _startedAt;
    private readonly string _systemId;
    private readonly string _tool;
    private readonly RunTally _tally = new();
    private RunJournal? _journal;

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

    /// <summary>What has been recorded so far.</summary>
    public RunTally Tally
    {
        get
        {
            lock (_gate)
            {
                return _tally;
            }
        }
    }

    /// <summary>The items of the stopped run, sorted by id, read back from its manifest (a test's or a small run's view).</summary>
    public IReadOnlyList<EvidenceItem> Items
    {
        get
        {
            lock (_gate)
            {
                if (_journal is not null)
                {
                    throw new InvalidOperationException("the run's items are read back once it is completed or checkpointed");
                }

                var manifest = Path.Combine(Directory, EvidenceStoreReader.ManifestFile);
                var run = FastManifestReader.TryRead(manifest, Directory, EvidenceStoreReader.ManifestFile, new Dictionary<string, string>(StringComparer.Ordinal));
                return run?.Items ?? throw new InvalidDataException($"{manifest} cannot be read back");
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
            var staged = new EvidenceRunWriter(staging, runId, startedAt, systemId, tool);
            AtomicFile.Write(Path.Combine(staging, EvidenceStoreReader.ManifestFile), s => ManifestWriter.Write(s, staged.Header(RunState.Incomplete, null)));
            try
            {
                // The target never exists empty (every run is renamed into place whole), so the rename fails if another collect took the id.
                System.IO.Directory.Move(staging, directory);
                return new EvidenceRunWriter(directory, runId, startedAt, systemId, tool) { _journal = RunJournal.Create(directory) };
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

    /// <summary>Records an item: appended to the run's journal, in the manifest when the run stops.</summary>
    public void Add(EvidenceItem item)
    {
        lock (_gate)
        {
            var recorded = item with { RunId = RunId };
            Journal().Append(recorded);
            _tally.Add(recorded);
        }
    }

    /// <summary>The ids of the items recorded so far, read back from the journal (for a run that stops short).</summary>
    public IReadOnlySet<string> RecordedIds()
    {
        lock (_gate)
        {
            return Journal().Ids();
        }
    }

    /// <summary>Stops the run short: writes its manifest, still incomplete, with every item recorded.</summary>
    public void Checkpoint()
    {
        lock (_gate)
        {
            Finish(RunState.Incomplete, null);
        }
    }

    public void Complete(DateTimeOffset completedAt)
    {
        lock (_gate)
        {
            Finish(RunState.Complete, completedAt);
        }
    }

    /// <summary>What a crash leaves: the journal released with the manifest unwritten (tests of recovery).</summary>
    internal void Abandon()
    {
        lock (_gate)
        {
            Journal().Dispose();
            _journal = null;
        }
    }

    private RunJournal Journal() => _journal ?? throw new InvalidOperationException($"run {RunId} has stopped; it is never written again");

    private void Finish(RunState state, DateTimeOffset? completedAt)
    {
        Journal().Finish(Header(state, completedAt));
        _journal = null;
    }

    private EvidenceRun Header(RunState state, DateTimeOffset? completedAt) => new()
    {
        RunId = RunId, Directory = Directory, ManifestPath = Path.Combine(Directory, EvidenceStoreReader.ManifestFile),
        StartedAt = _startedAt, CompletedAt = completedAt, State = state, Tool = _tool, SystemId = _systemId,
        Location = SourceLocation.OfFile(EvidenceStoreReader.ManifestFile),
    };
}
