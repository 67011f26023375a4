using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Workspaces;

/// <summary>
/// A connection between the system and a system outside its boundary (<c>interconnections:</c>):
/// what flows, which way, how it is protected, and the agreement that governs it.
/// </summary>
public sealed record Interconnection
{
    public required string Name { get; init; }

    /// <summary>The organization or system at the other end.</summary>
    public required string OtherParty { get; init; }

    public required DataDirection Direction { get; init; }

    /// <summary>The data exchanged, in plain words.</summary>
    public required string Data { get; init; }

    /// <summary>The protocol and how it is encrypted, such as "HTTPS (TLS 1.2+), mutual TLS".</summary>
    public required string Protocol { get; init; }

    /// <summary>The interconnection or data-use agreement: a document under artifacts/.</summary>
    public Scalar? Agreement { get; init; }

    /// <summary>The person who answers for the connection.</summary>
    public Scalar? Owner { get; init; }

    public required SourceLocation Location { get; init; }
}
