namespace Evidence.Rendering;

/// <summary>The two documents <c>evidence build</c> renders.</summary>
public enum DocumentKind
{
    /// <summary>The System Security Plan.</summary>
    Ssp,

    /// <summary>The evidence binder.</summary>
    Binder,
}
