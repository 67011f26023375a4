namespace Evidence.Rendering.Forms;

/// <summary>The tags of a request form's content controls, which the importer reads and nothing else.</summary>
public static class FormFields
{
    public const string Prefix = "evidence:";
    public const string Name = Prefix + "name";
    public const string Date = Prefix + "date";
    public const string Signature = Prefix + "signature";

    /// <summary>The namespace of the custom XML part that says whom, when and what the form was issued for.</summary>
    public const string Namespace = "urn:evidence:attestation-form:1";

    public static string Result(string citation) => $"{Prefix}result:{citation}";

    public static string Comment(string citation) => $"{Prefix}comment:{citation}";

    /// <summary>The result choices: what the dropdown shows, and the value a record stores.</summary>
    public static IReadOnlyList<(string Display, string Value)> Results { get; } =
    [
        ("Implemented", "implemented"),
        ("Partially implemented", "partially-implemented"),
        ("Not implemented", "not-implemented"),
    ];
}
