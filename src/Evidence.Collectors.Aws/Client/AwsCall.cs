using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Client;

/// <summary>One logical call as it goes through the pipeline: what to send where, and how its attempts went.</summary>
internal sealed class AwsCall(AwsConfigOperation operation, RegionChannel channel, byte[] body, string? source, ICollectionProgress? progress)
{
    public AwsConfigOperation Operation { get; } = operation;

    public RegionChannel Channel { get; } = channel;

    public byte[] Body { get; } = body;

    /// <summary>The evidence source the call serves (<see cref="Core.Collection.Replay.ExchangeKey.Source"/>), so recordings tell sources apart.</summary>
    public string? Source { get; } = source;

    public ICollectionProgress? Progress { get; } = progress;

    public int Attempts { get; set; }

    public int Throttles { get; set; }

    public int Transients { get; set; }
}
