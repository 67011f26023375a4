namespace Evidence.Core.Catalog;

/// <summary>A standard of the Security Rule, or one of its implementation specifications.</summary>
public enum ControlKind
{
    Standard,
    Specification,
}
