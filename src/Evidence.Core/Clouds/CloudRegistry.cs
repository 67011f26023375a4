using Evidence.Core.Store;

namespace Evidence.Core.Clouds;

/// <summary>
/// The clouds a program knows: each cloud's project defines it (<see cref="CloudDefinition"/>), and the
/// program's composition root registers it once at start-up. Core names no cloud; a workspace that asks
/// for a cloud nobody registered gets "unknown evidence query kind" and "unknown key" errors.
/// </summary>
public static class CloudRegistry
{
    private static readonly Lock Gate = new();
    private static readonly AsyncLocal<CloudDefinition[]?> Scoped = new();
    private static CloudDefinition[] Registered = [];

    /// <summary>
    /// The registered clouds, in the order they were registered (the order of item ids and option lists),
    /// or those of the current <see cref="Use"/> scope.
    /// </summary>
    public static IReadOnlyList<CloudDefinition> All => Scoped.Value ?? Volatile.Read(ref Registered);

    /// <summary>Registers clouds; one already registered under the same name is left as it is, so registering twice is harmless.</summary>
    public static void Register(params IEnumerable<CloudDefinition> clouds)
    {
        ArgumentNullException.ThrowIfNull(clouds);
        lock (Gate)
        {
            var all = Registered.ToList();
            all.AddRange(clouds.Where(c => all.All(known => known.Name != c.Name)));
            Volatile.Write(ref Registered, [.. all]);
        }
    }

    /// <summary>
    /// Uses exactly <paramref name="clouds"/> in this flow of work (this thread and the tasks it starts) until the
    /// result is disposed, leaving other flows on the registered clouds: for a host that judges one workspace with
    /// other clouds than the rest, and for tests.
    /// </summary>
    public static IDisposable Use(params IEnumerable<CloudDefinition> clouds)
    {
        ArgumentNullException.ThrowIfNull(clouds);
        var previous = Scoped.Value;
        Scoped.Value = [.. clouds];
        return new Restore(previous);
    }

    /// <summary>The cloud named <paramref name="name"/>, or null.</summary>
    public static CloudDefinition? Find(string? name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>The cloud a source belongs to, or null for a name no cloud has (a damaged manifest).</summary>
    public static CloudDefinition? Of(EvidenceSource source) => Find(source.Cloud);

    private sealed class Restore(CloudDefinition[]? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
