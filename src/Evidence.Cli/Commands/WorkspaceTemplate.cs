using System.Text;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;

namespace Evidence.Cli.Commands;

/// <summary>The evidence.yaml that <c>evidence init</c> writes: valid as written, every role held by one person.</summary>
internal static class WorkspaceTemplate
{
    public static string Render(string systemId, string name, string organization, (string Id, string Name, string Email) owner)
    {
        var roles = WorkspaceLoader.LoadBuiltinCatalog(new DiagnosticBag()).Roles;
        var text = new StringBuilder();
        text.AppendLine("# yaml-language-server: $schema=https://evidence.example/schemas/workspace.schema.json");
        text.AppendLine("# The workspace: the system, its boundary, its people and who holds each role.");
        text.AppendLine("# Reference: docs/formats.md in the Evidence repository.");
        text.AppendLine("version: 1");
        text.AppendLine("catalog: builtin");
        text.AppendLine("system:");
        text.AppendLine($"  id: {systemId}");
        text.AppendLine($"  name: {Quote(name)}");
        text.AppendLine($"  organization: {Quote(organization)}");
        text.AppendLine("  version: \"1.0\"");
        text.AppendLine($"  description: {Quote($"{name}, operated by {organization}.")}");
        text.AppendLine("  multi_tenant: false");
        text.AppendLine("boundary:");
        text.AppendLine("  # Add the AWS accounts (with regions) and Azure subscriptions that hold or touch ePHI:");
        text.AppendLine("  # aws: { accounts: [ { id: \"111122223333\", name: prod, regions: [us-east-1] } ] }");
        text.AppendLine("  # azure: { cloud: AzureCloud, subscriptions: [ { id: <subscription GUID>, name: prod } ] }");
        text.AppendLine("  description: The accounts and subscriptions in scope are listed below as they are added.");
        text.AppendLine("people:");
        text.AppendLine($"  - id: {owner.Id}");
        text.AppendLine($"    name: {Quote(owner.Name)}");
        text.AppendLine($"    email: {owner.Email}");
        text.AppendLine("roles:");
        foreach (var role in roles)
        {
            text.AppendLine($"  {role.Id}: [{owner.Id}]");
        }

        text.AppendLine("settings:");
        text.AppendLine("  attestations:");
        text.AppendLine("    cadence: quarterly");
        text.AppendLine("    grace: 14d");
        return text.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
