using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Testing.SampleRun;

/// <summary>One evidence item to write: a query's evidence from one source, under a stable id.</summary>
internal sealed record PlannedItem(string Id, EvidenceQuery Query, EvidenceSource Source);
