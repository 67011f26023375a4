using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>Reads the catalog's <c>roles.yaml</c>.</summary>
internal static class RoleReader
{
    private static readonly string[] FileKeys = ["roles"];
    private static readonly string[] RoleKeys = ["id", "title", "description"];

    public static IEnumerable<OwnerRole> Read(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "the roles file", FileKeys, diagnostics);
        foreach (var role in map?.Maps("roles", "a role", RoleKeys, required: true) ?? [])
        {
            var id = role.Id("id", required: true);
            var title = role.String("title", required: true);
            var description = role.String("description", required: true);
            if (id is not null && title is not null && description is not null)
            {
                yield return new OwnerRole(id.Value.Value, title, description, id.Value.Location);
            }
        }
    }
}
