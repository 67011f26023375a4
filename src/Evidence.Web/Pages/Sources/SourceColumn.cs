namespace Evidence.Web.Pages.Sources;

/// <summary>
/// An account or subscription as a column of the heat map, or, when <see cref="Folded"/> is more than 0, the
/// column that adds up the accounts left over once the map has as many columns as it can show.
/// </summary>
/// <param name="Name">The account or subscription as people name it (with the boundary's name for it).</param>
/// <param name="Label">The same in a word or two, for the column's heading.</param>
/// <param name="Sources">The account's regions (or the folded accounts' regions) that answered.</param>
/// <param name="Total">The column's cells added up.</param>
/// <param name="Folded">How many accounts this column adds up; 0 for a single account's column.</param>
internal sealed record SourceColumn(string Name, string Label, int Sources, SourceCell Total, int Folded = 0);
