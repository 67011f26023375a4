namespace Evidence.Web.Pages.Charts;

/// <summary>One line of a <see cref="LineChart"/>: its name in the key and the table, its class, and a value per point.</summary>
internal sealed record LineSeries(string Name, string Css, IReadOnlyList<int> Values);
