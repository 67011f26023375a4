using Evidence.Core.Catalog;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Rendering.Model;

/// <summary>Builds <see cref="PlanModel"/> from the workspace: ids become names, dates and directions become text.</summary>
internal static class PlanModelBuilder
{
    public static PlanModel Build(Workspace workspace, ControlCatalog catalog)
    {
        var plan = workspace.Plan;
        return new PlanModel
        {
            SystemOwner = NameAndTitle(workspace, plan?.SystemOwner),
            SecurityOfficials = (workspace.FindRole("security-officer")?.People ?? [])
                .Select(p => NameAndTitle(workspace, p))
                .OfType<string>()
                .ToList(),
            ApprovedBy = NameAndTitle(workspace, plan?.ApprovedBy),
            ApprovedOn = plan?.ApprovedOn is { } on ? Texts.Date(on) : null,
            Revisions = (plan?.Revisions ?? [])
                .Select(r => new RevisionModel(r.Version, Texts.Date(r.Date), Name(workspace, r.Author)!, r.Summary))
                .ToList(),
            Interconnections = workspace.Interconnections.Select(i => new InterconnectionModel
            {
                Name = i.Name, OtherParty = i.OtherParty, Direction = Direction(i.Direction), Data = i.Data, Protocol = i.Protocol,
                Agreement = i.Agreement?.Value, Owner = Name(workspace, i.Owner),
            }).ToList(),
            BusinessAssociates = workspace.BusinessAssociates.Select(b => new BusinessAssociateModel
            {
                Name = b.Name, Service = b.Service, Phi = b.Phi, BaaSigned = b.BaaSigned is { } d ? Texts.Date(d) : null,
                BaaDocument = b.BaaDocument?.Value, Owner = Name(workspace, b.Owner),
            }).ToList(),
            Diagrams = workspace.Diagrams.Select(d => new DiagramModel
            {
                File = d.File.Value, Title = d.Title, Alt = d.Alt.Value, Caption = d.Caption,
            }).ToList(),
            Responsibility = ResponsibilityModelBuilder.Build(catalog, workspace.Boundary),
        };
    }

    private static string Direction(DataDirection direction) => direction switch
    {
        DataDirection.Inbound => "Inbound",
        DataDirection.Outbound => "Outbound",
        _ => "Both ways",
    };

    /// <summary>The person's name; the id itself if validation let an unknown id through.</summary>
    private static string? Name(Workspace workspace, Scalar? id) =>
        id is { } i ? workspace.FindPerson(i.Value)?.Name ?? i.Value : null;

    private static string? NameAndTitle(Workspace workspace, Scalar? id) =>
        id is { } i && workspace.FindPerson(i.Value) is { } person
            ? person.Title is null ? person.Name : $"{person.Name}, {person.Title}"
            : Name(workspace, id);
}
