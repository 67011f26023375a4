using System.Globalization;

namespace Evidence.Benchmarks.Collect;

/// <summary>The benchmark's shape and limits, from the command line.</summary>
internal sealed record BenchmarkSettings
{
    /// <summary>Requests a second the fake AWS Config accepts; beyond it, ThrottlingException.</summary>
    public double Rate { get; init; } = 20;

    /// <summary>Requests the fake accepts at once after a quiet spell; one second's worth unless told.</summary>
    public int? Burst { get; init; }

    public int Accounts { get; init; } = 20;

    public int Regions { get; init; } = 2;

    public int Rules { get; init; } = 50;

    /// <summary>The collector's starting rate; null keeps the product default.</summary>
    public double? InitialRate { get; init; }

    /// <summary>The collector's ceiling; null keeps the product default.</summary>
    public double? MaxRate { get; init; }

    /// <summary>
    /// The share of requests (0 to 1) the fake throttles at random whatever the rate, as when other tools
    /// share the account's limits; 0 for none.
    /// </summary>
    public double Sporadic { get; init; }

    /// <summary>
    /// Policy definitions collected from a fake Azure subscription alongside AWS (the two-cloud mode);
    /// 0 for AWS alone.
    /// </summary>
    public int AzureDefinitions { get; init; }

    /// <summary>Requests a second the fake Resource Manager accepts; beyond it, 429 with Retry-After.</summary>
    public double AzureRate { get; init; } = 10;

    /// <summary>The fastest Azure can go: the fake's limit or the collector's ceiling, whichever is lower.</summary>
    public double AzureBound => Math.Min(AzureRate, Evidence.Collectors.Azure.AzurePolicyCollectorOptions.DefaultRateLimit.MaxRate);

    /// <summary>The collector's ceiling, or the product default's.</summary>
    public double Ceiling => MaxRate ?? new Evidence.Core.Collection.Throttling.AdaptiveRateOptions().MaxRate;

    /// <summary>The fastest the collection can go: the fake's limit or the collector's ceiling, whichever is lower.</summary>
    public double Bound => Math.Min(Rate, Ceiling);

    public int ServerBurst => Burst ?? Math.Max(1, (int)Math.Round(Rate));

    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchmarkSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            settings = args[i] switch
            {
                "--rate" => settings with { Rate = Number(value) },
                "--burst" => settings with { Burst = Count(value) },
                "--accounts" => settings with { Accounts = Count(value) },
                "--regions" => settings with { Regions = Count(value) },
                "--rules" => settings with { Rules = Count(value) },
                "--initial-rate" => settings with { InitialRate = Number(value) },
                "--max-rate" => settings with { MaxRate = Number(value) },
                "--sporadic" => settings with { Sporadic = Number(value) },
                "--azure-definitions" => settings with { AzureDefinitions = Count(value) },
                "--azure-rate" => settings with { AzureRate = Number(value) },
                _ => throw new ArgumentException(
                    $"unknown option {args[i]}; use --rate, --burst, --accounts, --regions, --rules, --initial-rate, --max-rate, --sporadic, --azure-definitions, --azure-rate"),
            };
            i++;
        }

        return settings;
    }

    private static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Count(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
