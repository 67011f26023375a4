using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Findings;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>Reads a workspace's <c>evidence.yaml</c>.</summary>
internal static class WorkspaceFileReader
{
    private static readonly string[] RootKeys = ["version", "catalog", "system", "boundary", "people", "roles", "settings", "serve", .. PlanReader.RootKeys];
    private static readonly string[] SystemKeys = ["id", "name", "organization", "version", "description", "phi", "multi_tenant"];
    private static readonly string[] PersonKeys = ["id", "name", "title", "email"];
    private static readonly string[] SettingsKeys = ["attestations", "max_age", "templates", "font", "remediation", "delegates", "scan"];
    private static readonly string[] DelegateKeys = ["person", "for", "until"];
    private static readonly string[] RemediationKeys = ["critical", "high", "medium", "low"];
    private static readonly string[] AttestationKeys = ["cadence", "grace"];

    public static Workspace? Read(YamlNode root, string rootDirectory, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "evidence.yaml", RootKeys, diagnostics);
        if (map is null)
        {
            return null;
        }

        var version = map.Text("version", required: true);
        if (version is { Value: not "1" } v)
        {
            diagnostics.Error(v.Location, $"workspace version '{v.Value}' is not supported; this Evidence reads version 1");
        }

        var catalog = map.String("catalog") ?? "builtin";
        var system = ReadSystem(map.Map("system", "'system'", SystemKeys, required: true));
        var boundary = BoundaryReader.Read(map.Map("boundary", "'boundary'", BoundaryReader.Keys, required: true));
        var people = map.Maps("people", "a person", PersonKeys, required: true).Select(ReadPerson).OfType<Person>().ToList();
        var roles = ReadRoles(map);
        var settings = ReadSettings(map.Map("settings", "'settings'", SettingsKeys), rootDirectory);
        var serve = ServeSettingsReader.Read(map.Map("serve", "'serve'", ServeSettingsReader.Keys, refused: ServeSettingsReader.Secrets));
        var plan = PlanReader.ReadPlan(map);
        var interconnections = PlanReader.ReadInterconnections(map);
        var associates = PlanReader.ReadBusinessAssociates(map);
        var diagrams = PlanReader.ReadDiagrams(map);
        if (system is null || boundary is null)
        {
            return null;
        }

        return new Workspace
        {
            Root = rootDirectory, Catalog = catalog, System = system, Boundary = boundary, People = people, Roles = roles,
            Settings = settings, Serve = serve, Location = map.Location, RolesLocation = map.KeyAt("roles"),
            Plan = plan, Interconnections = interconnections, BusinessAssociates = associates,
            Diagrams = diagrams,
        };
    }

    private static SystemProfile? ReadSystem(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var id = map.Id("id", required: true);
        var name = map.String("name", required: true);
        var organization = map.String("organization", required: true);
        var version = map.String("version");
        var description = map.String("description", required: true);
        var phi = map.String("phi");
        var multiTenant = map.Bool("multi_tenant") ?? false;
        return id is null || name is null || organization is null || description is null
            ? null
            : new SystemProfile(id.Value.Value, name, organization, version, description, phi, multiTenant);
    }

    private static Person? ReadPerson(YamlMap map)
    {
        var id = map.Id("id", required: true);
        var name = map.String("name", required: true);
        var title = map.String("title");
        var email = map.Text("email");
        if (email is { } e && !e.Value.Contains('@', StringComparison.Ordinal))
        {
            map.Diagnostics.Error(e.Location, $"'{e.Value}' is not an email address");
        }

        return id is null || name is null ? null : new Person(id.Value.Value, name, title, email?.Value, id.Value.Location);
    }

    private static List<RoleAssignment> ReadRoles(YamlMap map)
    {
        var node = map.Node("roles", required: true);
        var result = new List<RoleAssignment>();
        if (node is not YamlMappingNode mapping)
        {
            if (node is not null)
            {
                map.Diagnostics.Error(YamlFile.Locate(map.File, node), $"'roles' must map each role id to a list of person ids, found {YamlMap.Describe(node)}");
            }

            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var location = YamlFile.Locate(map.File, key);
            var role = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!seen.Add(role))
            {
                map.Diagnostics.Error(location, $"role '{role}' is mapped twice; keep one list");
                continue;
            }

            var people = value switch
            {
                YamlSequenceNode list => list.Children.OfType<YamlScalarNode>()
                    .Select(p => new Scalar(p.Value ?? string.Empty, YamlFile.Locate(map.File, p))).ToList(),
                YamlScalarNode single when !YamlMap.IsNull(single) => [new Scalar(single.Value!, YamlFile.Locate(map.File, single))],
                _ => null,
            };
            if (people is null)
            {
                map.Diagnostics.Error(YamlFile.Locate(map.File, value), $"role '{role}' must list person ids, such as [dana-whitfield]");
                continue;
            }

            result.Add(new RoleAssignment(role, people, location));
        }

        return result;
    }

    private static WorkspaceSettings ReadSettings(YamlMap? map, string rootDirectory)
    {
        if (map is null)
        {
            return new WorkspaceSettings(null, null);
        }

        var attestations = map.Map("attestations", "'settings.attestations'", AttestationKeys);
        AttestationSettings? attestationSettings = null;
        if (attestations is not null)
        {
            var cadence = attestations.Enum<AttestationCadence>("cadence", required: true);
            var grace = attestations.Duration("grace") ?? TimeSpan.FromDays(14);
            attestationSettings = cadence is null ? null : new AttestationSettings(cadence.Value, grace);
        }

        var templates = WorkspacePath(map, "templates", rootDirectory, folder: true);
        var font = WorkspacePath(map, "font", rootDirectory, folder: false);
        return new WorkspaceSettings(attestationSettings, map.Duration("max_age"))
        {
            Templates = templates?.Value, TemplatesLocation = templates?.Location ?? default,
            Font = font?.Value, FontLocation = font?.Location ?? default,
            Remediation = ReadRemediation(map.Map("remediation", "'settings.remediation'", RemediationKeys)),
            Delegates = map.Maps("delegates", "a delegate", DelegateKeys).Select(ReadDelegate).OfType<Delegation>().ToList(),
            Scan = ScanSettingsReader.Read(map.Map("scan", "'settings.scan'", ScanSettingsReader.Keys)),
        };
    }

    /// <summary>A delegate; whether its people and roles exist is the delegate validator's job.</summary>
    private static Delegation? ReadDelegate(YamlMap map)
    {
        var person = map.Id("person", required: true);
        var onBehalfOf = map.Id("for", required: true);
        var until = map.Timestamp("until");
        return person is null || onBehalfOf is null ? null : new Delegation(person.Value, onBehalfOf.Value, until, map.Location);
    }

    /// <summary>Deadlines by severity; a severity not given keeps its default.</summary>
    private static RemediationDeadlines? ReadRemediation(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var defaults = RemediationDeadlines.Default;
        return new RemediationDeadlines(
            map.Duration("critical") ?? defaults.Critical,
            map.Duration("high") ?? defaults.High,
            map.Duration("medium") ?? defaults.Medium,
            map.Duration("low") ?? defaults.Low);
    }

    /// <summary>A path setting: relative to the workspace, inside it, and present on disk.</summary>
    private static Scalar? WorkspacePath(YamlMap map, string key, string rootDirectory, bool folder)
    {
        var value = map.Text(key);
        if (value is not { } path)
        {
            return null;
        }

        var what = folder ? "folder" : "file";
        if (path.Value.Length == 0 || Path.IsPathRooted(path.Value) || path.Value.Contains(':', StringComparison.Ordinal))
        {
            map.Diagnostics.Error(path.Location, $"'settings.{key}' must be a {what} path relative to the workspace, such as {(folder ? "templates" : "fonts/NotoSans-Regular.ttf")}");
            return null;
        }

        var root = Path.GetFullPath(rootDirectory);
        var full = Path.GetFullPath(Path.Combine(root, path.Value));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            map.Diagnostics.Error(path.Location, $"'settings.{key}' points outside the workspace ('{path.Value}'); keep it inside the workspace folder");
            return null;
        }

        if (folder ? !Directory.Exists(full) : !File.Exists(full))
        {
            map.Diagnostics.Error(path.Location, $"'settings.{key}': there is no {what} '{path.Value}' in the workspace");
            return null;
        }

        if (ContainedPath.Within(root, path.Value) is null)
        {
            map.Diagnostics.Error(path.Location, $"'settings.{key}' ('{path.Value}') escapes the workspace through a link (it leads to {ContainedPath.Resolve(full) ?? "a loop of links"}); keep the {what} itself inside the workspace folder");
            return null;
        }

        return path;
    }
}
