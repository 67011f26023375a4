using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Core.Loading;

/// <summary>
/// Reads the parts of <c>evidence.yaml</c> that only the System Security Plan uses: <c>plan</c>,
/// <c>interconnections</c>, <c>business_associates</c> and <c>diagrams</c>. Whether the people and documents they name
/// exist is the plan validator's job; whether a diagram's file is an image, the diagram validator's.
/// </summary>
internal static class PlanReader
{
    public static readonly string[] RootKeys = ["plan", "interconnections", "business_associates", "diagrams"];
    private static readonly string[] PlanKeys = ["system_owner", "approved_by", "approved_on", "revisions"];
    private static readonly string[] RevisionKeys = ["version", "date", "author", "summary"];
    private static readonly string[] InterconnectionKeys = ["name", "other_party", "direction", "data", "protocol", "agreement", "owner"];
    private static readonly string[] DiagramKeys = ["file", "title", "alt", "caption"];
    private static readonly string[] AssociateKeys = ["name", "service", "phi", "baa_signed", "baa_document", "owner"];

    public static SecurityPlan? ReadPlan(YamlMap root)
    {
        var map = root.Map("plan", "'plan'", PlanKeys);
        if (map is null)
        {
            return null;
        }

        return new SecurityPlan
        {
            SystemOwner = map.Id("system_owner", required: true),
            ApprovedBy = map.Id("approved_by"),
            ApprovedOn = map.Date("approved_on"),
            Revisions = map.Maps("revisions", "a plan revision", RevisionKeys).Select(ReadRevision).OfType<PlanRevision>().ToList(),
            Location = map.Location,
        };
    }

    public static List<Interconnection> ReadInterconnections(YamlMap root) =>
        root.Maps("interconnections", "an interconnection", InterconnectionKeys).Select(ReadInterconnection).OfType<Interconnection>().ToList();

    public static List<BusinessAssociate> ReadBusinessAssociates(YamlMap root) =>
        root.Maps("business_associates", "a business associate", AssociateKeys).Select(ReadAssociate).OfType<BusinessAssociate>().ToList();

    public static List<Diagram> ReadDiagrams(YamlMap root) =>
        root.Maps("diagrams", "a diagram", DiagramKeys).Select(ReadDiagram).OfType<Diagram>().ToList();

    private static Diagram? ReadDiagram(YamlMap map)
    {
        var file = map.Text("file", required: true);
        var title = map.String("title", required: true);
        var alt = map.Text("alt", required: true);
        var caption = map.String("caption");
        return file is null || title is null || alt is null
            ? null
            : new Diagram { File = file.Value, Title = title, Alt = alt.Value, Caption = caption, Location = map.Location };
    }

    private static PlanRevision? ReadRevision(YamlMap map)
    {
        var version = map.String("version", required: true);
        var date = map.Date("date", required: true);
        var author = map.Id("author", required: true);
        var summary = map.String("summary", required: true);
        return version is null || date is null || author is null || summary is null
            ? null
            : new PlanRevision(version, date.Value, author.Value, summary, map.Location);
    }

    private static Interconnection? ReadInterconnection(YamlMap map)
    {
        var name = map.String("name", required: true);
        var party = map.String("other_party", required: true);
        var direction = map.Enum<DataDirection>("direction", required: true);
        var data = map.String("data", required: true);
        var protocol = map.String("protocol", required: true);
        var agreement = map.Text("agreement");
        var owner = map.Id("owner");
        return name is null || party is null || direction is null || data is null || protocol is null
            ? null
            : new Interconnection
            {
                Name = name, OtherParty = party, Direction = direction.Value, Data = data, Protocol = protocol,
                Agreement = agreement, Owner = owner, Location = map.Location,
            };
    }

    private static BusinessAssociate? ReadAssociate(YamlMap map)
    {
        var name = map.String("name", required: true);
        var service = map.String("service", required: true);
        var phi = map.String("phi", required: true);
        var signed = map.Date("baa_signed");
        var document = map.Text("baa_document");
        var owner = map.Id("owner");
        return name is null || service is null || phi is null
            ? null
            : new BusinessAssociate
            {
                Name = name, Service = service, Phi = phi, BaaSigned = signed, BaaDocument = document, Owner = owner, Location = map.Location,
            };
    }
}
