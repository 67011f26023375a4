namespace Evidence.Core.Queries;

/// <summary>What the rows of an advanced query (SQL over the inventory) mean for the control.</summary>
public enum RowAssertion
{
    /// <summary>Every row is a violation (<c>fail_when: any-row</c>); no rows means nothing violates it.</summary>
    AnyRow,

    /// <summary>Rows prove that something exists (<c>fail_when: no-rows</c>); no rows is a failure.</summary>
    NoRows,
}
