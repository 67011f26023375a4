namespace Evidence.Core.Store;

/// <summary>The compliance values result rows carry, whichever cloud they came from.</summary>
public static class ComplianceValues
{
    public const string Compliant = "COMPLIANT";
    public const string NonCompliant = "NON_COMPLIANT";
    public const string NotApplicable = "NOT_APPLICABLE";
    public const string InsufficientData = "INSUFFICIENT_DATA";

    /// <summary>What every row of an advanced query is: a violation when rows are violations, compliant when rows prove existence.</summary>
    public static string ForRow(Queries.RowAssertion failWhen) => failWhen == Queries.RowAssertion.AnyRow ? NonCompliant : Compliant;
}
