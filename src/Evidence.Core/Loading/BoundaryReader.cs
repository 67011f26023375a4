using Evidence.Core.Clouds;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Core.Loading;

/// <summary>Reads the <c>boundary</c> of <c>evidence.yaml</c>: its description here, each cloud's part (<c>boundary.&lt;cloud&gt;</c>) by that cloud.</summary>
internal static class BoundaryReader
{
    /// <summary>The boundary's keys: its description and each registered cloud's name.</summary>
    public static string[] Keys => ["description", .. CloudRegistry.All.Select(c => c.Name)];

    public static Boundary? Read(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var description = map.String("description");
        var clouds = new List<CloudBoundary>();
        foreach (var cloud in CloudRegistry.All)
        {
            if (map.Map(cloud.Name, $"'boundary.{cloud.Name}'", [.. cloud.BoundaryKeys]) is { } part)
            {
                clouds.Add(cloud.ReadBoundary(part));
            }
        }

        return new Boundary(description, clouds);
    }
}
