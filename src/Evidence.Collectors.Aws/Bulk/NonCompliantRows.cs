using Evidence.Collectors.Aws.Client;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Bulk;

/// <summary>The non-compliant resources of one rule in one account and region, the pages they came on, or the error that stopped their reading.</summary>
internal sealed class NonCompliantRows
{
    public List<ResultRow> Rows { get; } = [];

    public List<StoredFile> Pages { get; } = [];

    public DateTimeOffset? LastEvaluated { get; set; }

    public AwsConfigError? Error { get; set; }
}
