namespace Evidence.Testing.SampleRun;

/// <summary>
/// When the clouds evaluated and when the collector asked. Config rules are re-evaluated nightly
/// between 00:30 and 05:30 UTC; Azure Policy's standard scan of the subscription runs from 01:47.
/// All in milliseconds since the Unix epoch, as AWS reports them.
/// </summary>
internal static class SampleClock
{
    /// <summary>The night before a collection at <paramref name="runAt"/>: 00:30 UTC that day.</summary>
    private static long NightlyStart(DateTimeOffset runAt) => new DateTimeOffset(runAt.UtcDateTime.Date.AddMinutes(30), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static long AzureScanStart(DateTimeOffset runAt) => new DateTimeOffset(runAt.UtcDateTime.Date.AddMinutes(107), TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>When a rule was invoked in an account and Region (its OrderingTimestamp and ConfigRuleInvokedTime) before the collection at <paramref name="runAt"/>.</summary>
    public static long RuleInvoked(string rule, string account, string region, bool stale, DateTimeOffset runAt) =>
        stale
            ? SampleScenario.StaleEvaluation.ToUnixTimeMilliseconds() - 1_180 - StableHash.Pick(600, rule, account, region)
            : NightlyStart(runAt) + StableHash.Pick(5 * 3600 * 1000, "invoked", rule, account, region);

    /// <summary>When the rule's result for the <paramref name="index"/>-th resource was recorded.</summary>
    public static long ResultRecorded(long invoked, int index, string resourceId, bool stale) =>
        stale
            ? SampleScenario.StaleEvaluation.ToUnixTimeMilliseconds() + StableHash.Pick(400, "recorded", resourceId)
            : invoked + 350 + (index * 41) + StableHash.Pick(900, "recorded", resourceId, invoked.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>When Azure Policy last evaluated a resource against a definition, to the 100 ns tick.</summary>
    public static DateTimeOffset PolicyEvaluated(string definition, string resourceId, DateTimeOffset runAt)
    {
        var milliseconds = AzureScanStart(runAt) + StableHash.Pick(40 * 60 * 1000, "scan", definition) + StableHash.Pick(90_000, "scan", definition, resourceId);
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).AddTicks(StableHash.Pick(10_000, "ticks", definition, resourceId));
    }

    /// <summary>AWS's JSON form of a timestamp: epoch seconds as a number, e.g. <c>1.763602297123E9</c>.</summary>
    public static string AwsEpoch(long unixMilliseconds)
    {
        var digits = unixMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
        var mantissa = digits.Length > 1 ? $"{digits[0]}.{digits[1..]}" : $"{digits}.0";
        var exponent = unixMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture).Length - 1 - 3;
        return $"{mantissa}E{exponent}";
    }
}
