namespace Evidence.Core.Catalog;

/// <summary>
/// Whether HIPAA requires a specification as written, or lets the entity assess it and document
/// an alternative (164.306(d)).
/// </summary>
public enum Designation
{
    Required,
    Addressable,
}
