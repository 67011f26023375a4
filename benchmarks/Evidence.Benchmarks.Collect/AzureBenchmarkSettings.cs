using System.Globalization;

namespace Evidence.Benchmarks.Collect;

/// <summary>The Azure benchmark's tenant and limits, from the command line after <c>azure</c>.</summary>
internal sealed record AzureBenchmarkSettings
{
    /// <summary>Requests a second the fake Resource Manager accepts per subscription (or management group); beyond it, 429.</summary>
    public double Rate { get; init; } = 25;

    /// <summary>Requests each bucket holds after a quiet spell; one second's worth unless told.</summary>
    public int? Burst { get; init; }

    public int Subscriptions { get; init; } = 50;

    public int Definitions { get; init; } = 93;

    public int MaxResources { get; init; } = 60;

    /// <summary>"summary" (the bulk plan by Policy Insights), "graph" (the bulk plan by Resource Graph) or "query" (one request chain per query and subscription, as before).</summary>
    public string Plan { get; init; } = "summary";

    /// <summary>One bucket for every request rather than one per scope: a principal-wide limit, the worst case.</summary>
    public bool Global { get; init; }

    public static AzureBenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new AzureBenchmarkSettings();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--global")
            {
                settings = settings with { Global = true };
                continue;
            }

            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            settings = args[i] switch
            {
                "--rate" => settings with { Rate = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) },
                "--burst" => settings with { Burst = Count(value) },
                "--subscriptions" => settings with { Subscriptions = Count(value) },
                "--definitions" => settings with { Definitions = Count(value) },
                "--max-resources" => settings with { MaxResources = Count(value) },
                "--plan" => value is "summary" or "graph" or "query" ? settings with { Plan = value } : throw new ArgumentException("--plan is summary, graph or query"),
                _ => throw new ArgumentException(
                    $"unknown option {args[i]}; use --rate, --burst, --subscriptions, --definitions, --max-resources, --plan, --global"),
            };
            i++;
        }

        return settings;
    }

    private static int Count(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
