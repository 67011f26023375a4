namespace Evidence.Core.Catalog;

/// <summary>Who carries a citation when the system runs in a cloud provider's HIPAA-eligible services.</summary>
public enum ResponsibilitySplit
{
    /// <summary>The provider covers it for the cloud part of the system.</summary>
    Inherited,

    /// <summary>The provider covers the layers it runs; the customer the rest.</summary>
    Shared,

    /// <summary>The customer alone.</summary>
    Customer,
}
