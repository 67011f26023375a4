namespace Evidence.Core.Catalog;

/// <summary>Who decided that a cloud rule or policy supports a citation.</summary>
public enum MappingProvenance
{
    /// <summary>AWS's published "Operational Best Practices for HIPAA Security" table.</summary>
    Aws,

    /// <summary>Our own judgment, explained in the mapping's note.</summary>
    EvidenceTeam,
}
