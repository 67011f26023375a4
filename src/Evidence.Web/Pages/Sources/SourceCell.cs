namespace Evidence.Web.Pages.Sources;

/// <summary>
/// One control's evidence from one account or subscription, all its regions added together: the resources
/// found failing, the checks that count against the control without a failing resource to show for it (not
/// collected, stale, no resources where some are expected), and every check judged.
/// </summary>
internal readonly record struct SourceCell(int Failing, int Problems, int Checks)
{
    public SourceCell Add(SourceCell other) => new(Failing + other.Failing, Problems + other.Problems, Checks + other.Checks);
}
