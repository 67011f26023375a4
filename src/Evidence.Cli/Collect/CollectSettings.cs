namespace Evidence.Cli.Collect;

/// <summary>What <c>evidence collect</c> was asked to do, once the command line is read.</summary>
internal sealed record CollectSettings
{
    public bool Offline { get; init; }

    /// <summary>A folder to record every exchange into (<c>--record</c>), to make or refresh recordings.</summary>
    public string? RecordTo { get; init; }

    public string? AwsProfile { get; init; }

    public bool Fips { get; init; }

    public double? AwsRate { get; init; }

    public double? AzureRate { get; init; }
}
