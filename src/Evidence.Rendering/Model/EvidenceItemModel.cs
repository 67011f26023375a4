namespace Evidence.Rendering.Model;

/// <summary>One cloud query from one source, as judged: the item collected for it, or the fact that none was.</summary>
public sealed record EvidenceItemModel
{
    /// <summary>The query key, such as <c>aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED</c>.</summary>
    public required string Query { get; init; }

    /// <summary>The query for people: "AWS Config rule S3_BUCKET_PUBLIC_READ_PROHIBITED".</summary>
    public required string QueryText { get; init; }

    /// <summary>The source for people: "AWS 210987654321 us-east-1", "Azure subscription 6f1c...".</summary>
    public required string Source { get; init; }

    /// <summary>The source's account or subscription for people, without its region: what the evidence index groups by.</summary>
    public string Account { get; init; } = string.Empty;

    /// <summary><c>aws</c> or <c>azure</c>.</summary>
    public required string Cloud { get; init; }

    /// <summary>How the evidence was obtained: <c>detail</c>, <c>summary</c> or <c>bulk-query</c>.</summary>
    public string Method { get; init; } = "detail";

    /// <summary>The same in a phrase for people.</summary>
    public string MethodText { get; init; } = string.Empty;

    /// <summary><c>compliant</c>, <c>non-compliant</c>, <c>not-collected</c> or <c>stale</c>.</summary>
    public required string State { get; init; }

    /// <summary>"Compliant", "Non-compliant", "Not collected", "Stale".</summary>
    public required string StateText { get; init; }

    /// <summary>The judgment in one line (cloud error text redacted).</summary>
    public required string Message { get; init; }

    /// <summary>The run and item ids; null when the query was never collected.</summary>
    public string? Run { get; init; }

    public string? Item { get; init; }

    public string? CollectedAt { get; init; }

    /// <summary>When the cloud evaluated the resources, if it said.</summary>
    public string? EvaluatedAt { get; init; }

    /// <summary>For stale evidence: when it went stale.</summary>
    public string? StaleSince { get; init; }

    public IReadOnlyList<FileModel> Raw { get; init; } = [];

    /// <summary>The parsed result rows file; null for a failed item.</summary>
    public FileModel? Results { get; init; }

    public required CountsModel Counts { get; init; }

    /// <summary>Why a failed item could not be collected (redacted); null otherwise.</summary>
    public ErrorModel? Error { get; init; }

    /// <summary>The non-compliant resources, when there are any; null otherwise.</summary>
    public FailingRowsModel? FailingRows { get; init; }

    /// <summary><c>primary</c> (it can prove the control) or <c>supporting</c> (it can show a gap, never satisfy).</summary>
    public string Role { get; init; } = "primary";

    /// <summary>Why the evidence only supports the control, when it does.</summary>
    public string? RoleNote { get; init; }
}
