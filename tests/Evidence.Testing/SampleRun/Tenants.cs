namespace Evidence.Testing.SampleRun;

/// <summary>
/// The platform's fictional customers: 108 clinics and agencies, each with its own DynamoDB table
/// (so the tenant-isolation inventory and the DynamoDB rules have more than one page of results).
/// </summary>
internal static class Tenants
{
    private static readonly string[] Places =
    [
        "bayshore", "bluewater", "cedar-valley", "elmwood", "granite-falls", "harborview", "lakeside", "maple-grove", "mesa",
        "northgate", "oakridge", "pinecrest", "prairie", "red-rock", "riverbend", "silver-lake", "summit", "willow-creek",
    ];

    private static readonly string[] Kinds = ["care-partners", "clinic", "family-medicine", "home-health", "hospice", "pediatrics"];

    /// <summary>Tenant slugs such as <c>riverbend-home-health</c>, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = Places.SelectMany(p => Kinds.Select(k => $"{p}-{k}")).ToList();

    /// <summary>The largest tenants, which also have a dedicated export bucket.</summary>
    public static IReadOnlyList<string> WithExportBuckets { get; } =
        ["harborview-home-health", "lakeside-family-medicine", "northgate-clinic", "riverbend-home-health", "summit-hospice"];

    public static string MessagesTable(string tenant) => $"acme-care-{tenant}-messages";

    public static string ExportBucket(string tenant) => $"acme-care-export-{tenant}";
}
