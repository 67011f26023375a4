namespace Evidence.Collectors.Aws.Client;

/// <summary>One AWS Config API operation: its name (the X-Amz-Target suffix), the list it pages and its largest page.</summary>
/// <param name="Name">The operation name, e.g. GetComplianceDetailsByConfigRule.</param>
/// <param name="ResultKey">The response member holding the page's items.</param>
/// <param name="MaxLimit">The largest Limit the API accepts, or null when it takes none and pages by NextToken alone.</param>
public sealed record AwsConfigOperation(string Name, string ResultKey, int? MaxLimit)
{
    public string Target => $"StarlingDoveService.{Name}";

    public static AwsConfigOperation DescribeConfigRules { get; } = new(nameof(DescribeConfigRules), "ConfigRules", null);

    public static AwsConfigOperation DescribeComplianceByConfigRule { get; } = new(nameof(DescribeComplianceByConfigRule), "ComplianceByConfigRules", null);

    public static AwsConfigOperation GetComplianceDetailsByConfigRule { get; } = new(nameof(GetComplianceDetailsByConfigRule), "EvaluationResults", 100);

    public static AwsConfigOperation DescribeConfigRuleEvaluationStatus { get; } = new(nameof(DescribeConfigRuleEvaluationStatus), "ConfigRulesEvaluationStatus", 50);

    public static AwsConfigOperation DescribeConformancePacks { get; } = new(nameof(DescribeConformancePacks), "ConformancePackDetails", 20);

    public static AwsConfigOperation DescribeConformancePackCompliance { get; } = new(nameof(DescribeConformancePackCompliance), "ConformancePackRuleComplianceList", 1000);

    public static AwsConfigOperation GetConformancePackComplianceDetails { get; } = new(nameof(GetConformancePackComplianceDetails), "ConformancePackRuleEvaluationResults", 100);

    public static AwsConfigOperation GetConformancePackComplianceSummary { get; } = new(nameof(GetConformancePackComplianceSummary), "ConformancePackComplianceSummaryList", 20);

    public static AwsConfigOperation DescribeAggregateComplianceByConfigRules { get; } = new(nameof(DescribeAggregateComplianceByConfigRules), "AggregateComplianceByConfigRules", 1000);

    public static AwsConfigOperation GetAggregateComplianceDetailsByConfigRule { get; } = new(nameof(GetAggregateComplianceDetailsByConfigRule), "AggregateEvaluationResults", 100);

    public static AwsConfigOperation DescribeAggregateComplianceByConformancePacks { get; } = new(nameof(DescribeAggregateComplianceByConformancePacks), "AggregateComplianceByConformancePacks", 100);

    public static AwsConfigOperation SelectResourceConfig { get; } = new(nameof(SelectResourceConfig), "Results", 100);

    public static AwsConfigOperation SelectAggregateResourceConfig { get; } = new(nameof(SelectAggregateResourceConfig), "Results", 100);
}
