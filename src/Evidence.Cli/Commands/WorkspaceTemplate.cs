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

        text.AppendLine("# The System Security Plan's own document control: who owns the system, who approved the plan, its revisions.");
        text.AppendLine("plan:");
        text.AppendLine($"  system_owner: {owner.Id}");
        text.AppendLine($"  # approved_by: {owner.Id}          # a person id, once the plan is approved");
        text.AppendLine("  # approved_on: 2026-01-15");
        text.AppendLine("  # revisions:");
        text.AppendLine("  #   - version: \"1.0\"");
        text.AppendLine("  #     date: 2026-01-15");
        text.AppendLine($"  #     author: {owner.Id}");
        text.AppendLine("  #     summary: First plan.");
        text.AppendLine("# Connections to systems outside the boundary (the SSP's interconnections table):");
        text.AppendLine("# interconnections:");
        text.AppendLine("#   - name: Partner referral feed");
        text.AppendLine("#     other_party: Partner clinic EHR");
        text.AppendLine("#     direction: inbound              # inbound | outbound | bidirectional");
        text.AppendLine("#     data: Referral documents");
        text.AppendLine("#     protocol: HTTPS with mutual TLS");
        text.AppendLine("#     agreement: artifacts/partner-agreement.md");
        text.AppendLine($"#     owner: {owner.Id}");
        text.AppendLine("# Vendors that handle ePHI for you, and their business associate agreements:");
        text.AppendLine("# business_associates:");
        text.AppendLine("#   - name: Cloud provider");
        text.AppendLine("#     service: Hosting of the production workload");
        text.AppendLine("#     phi: All ePHI the system holds");
        text.AppendLine("#     baa_signed: 2026-01-02         # leave out while the BAA is unsigned");
        text.AppendLine("#     baa_document: artifacts/baa-register.md");
        text.AppendLine($"#     owner: {owner.Id}");
        text.AppendLine("# Architecture and data-flow diagrams the SSP shows under its boundary (PNG or JPEG; export SVG as PNG):");
        text.AppendLine("# diagrams:");
        text.AppendLine("#   - file: diagrams/architecture.png");
        text.AppendLine("#     title: Architecture and data flows");
        text.AppendLine("#     alt: What the diagram shows, in words, for readers who cannot see it");
        text.AppendLine("settings:");
        text.AppendLine("  attestations:");
        text.AppendLine("    cadence: quarterly");
        text.AppendLine("    grace: 14d");
        return text.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
