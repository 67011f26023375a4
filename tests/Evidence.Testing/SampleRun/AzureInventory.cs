namespace Evidence.Testing.SampleRun;

/// <summary>
/// The analytics subscription: Azure SQL, storage, Data Factory's self-hosted integration runtime on two
/// Windows VMs, a Linux VM running the dbt transformations, a reporting web app and a function app.
/// Resources are grouped by the kinds of policy that evaluate them.
/// </summary>
internal static class AzureInventory
{
    public const string Location = "eastus2";

    /// <summary>The resources of <paramref name="kind"/> in a subscription; see <see cref="AzurePolicyProfiles"/> for the kinds.</summary>
    public static IReadOnlyList<AzureResource> Of(string kind, string subscription)
    {
        var s = subscription.ToLowerInvariant();
        return kind switch
        {
            "subscription" => [new AzureResource($"/subscriptions/{s}", "Microsoft.Resources/subscriptions", string.Empty, string.Empty, s)],
            "windows-vm" => [Vm(s, "vm-adf-shir-01"), Vm(s, "vm-adf-shir-02")],
            "linux-vm" => [Vm(s, "vm-dbt-runner-01")],
            "vm" => [.. Of("windows-vm", s), .. Of("linux-vm", s)],
            "web-app" => [Resource(s, "rg-analytics-reporting", "Microsoft.Web/sites", "app-acme-reports-prod")],
            "function-app" => [Resource(s, "rg-analytics-reporting", "Microsoft.Web/sites", "func-acme-extract-notify")],
            "sql-server" => [Resource(s, "rg-analytics-prod", "Microsoft.Sql/servers", "acme-analytics-sql")],
            "sql-database" => [Database(s, "dw-analytics"), Database(s, "dw-staging")],
            "storage" =>
            [
                Resource(s, "rg-analytics-prod", "Microsoft.Storage/storageAccounts", SampleScenario.OpenStorageAccount),
                Resource(s, "rg-analytics-prod", "Microsoft.Storage/storageAccounts", "acmeanalyticslake"),
                Resource(s, "rg-analytics-shared", "Microsoft.Storage/storageAccounts", SampleScenario.ExemptStorageAccount),
            ],
            "key-vault" => [Resource(s, "rg-analytics-prod", "Microsoft.KeyVault/vaults", "kv-acme-analytics-prod")],
            "vnet" => [Resource(s, "rg-analytics-network", "Microsoft.Network/virtualNetworks", "vnet-analytics-prod")],
            "subnet" => [Subnet(s, "snet-shir"), Subnet(s, "snet-dbt"), Subnet(s, "snet-app-integration"), Subnet(s, "snet-private-endpoints")],
            "diagnostics" =>
            [
                .. Of("storage", s), .. Of("sql-server", s), .. Of("key-vault", s), .. Of("web-app", s), .. Of("function-app", s),
                Resource(s, "rg-analytics-prod", "Microsoft.DataFactory/factories", "adf-acme-analytics-prod"),
            ],
            _ => [],
        };
    }

    private static AzureResource Vm(string subscription, string name) =>
        Resource(subscription, "rg-analytics-integration", "Microsoft.Compute/virtualMachines", name);

    private static AzureResource Database(string subscription, string name) =>
        new($"/subscriptions/{subscription}/resourcegroups/rg-analytics-prod/providers/microsoft.sql/servers/acme-analytics-sql/databases/{name}",
            "Microsoft.Sql/servers/databases", "rg-analytics-prod", Location, name);

    private static AzureResource Subnet(string subscription, string name) =>
        new($"/subscriptions/{subscription}/resourcegroups/rg-analytics-network/providers/microsoft.network/virtualnetworks/vnet-analytics-prod/subnets/{name}",
            "Microsoft.Network/virtualNetworks/subnets", "rg-analytics-network", Location, name);

    private static AzureResource Resource(string subscription, string group, string type, string name) =>
        new($"/subscriptions/{subscription}/resourcegroups/{group}/providers/{type.ToLowerInvariant()}/{name}", type, group, Location, name);
}
