namespace Evidence.Rendering.Model;

/// <summary>One row of the interconnections table, with people by name and the direction in words.</summary>
public sealed record InterconnectionModel
{
    public required string Name { get; init; }

    public required string OtherParty { get; init; }

    /// <summary>"Inbound", "Outbound" or "Both ways".</summary>
    public required string Direction { get; init; }

    public required string Data { get; init; }

    public required string Protocol { get; init; }

    /// <summary>The agreement's path under artifacts/; null when none is named.</summary>
    public string? Agreement { get; init; }

    /// <summary>The owner's name; null when none is named.</summary>
    public string? Owner { get; init; }
}
