using Evidence.Core.Catalog;
using Evidence.Core.Queries;
using Evidence.Core.Resolution;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>The catalog listing and the one-control page.</summary>
internal static class ControlsView
{
    public static void WriteList(CliContext context, IReadOnlyList<ResolvedControl> controls, bool json)
    {
        if (json)
        {
            JsonOutput.Write(context.Out, w =>
            {
                w.WriteStartArray();
                foreach (var control in controls)
                {
                    w.WriteStartObject();
                    JsonOutput.WriteControlHeader(w, control);
                    w.WriteNumber("queries", control.Queries.Count);
                    w.WriteNumber("expected_artifacts", control.ExpectedArtifacts.Count);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
            return;
        }

        var table = new TextTable("Control", "Title", "Family", "Designation", "Owner", "Queries", "Documents");
        foreach (var control in controls)
        {
            table.Add(
                control.Id,
                Words.Truncate(control.Control.Title, 44),
                control.Control.Family,
                control.Control.Designation is { } d ? Words.Of(d) : "standard",
                control.OwnerRef,
                control.Queries.Count(q => q.IsCloud).ToString(System.Globalization.CultureInfo.InvariantCulture),
                control.ExpectedArtifacts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.Write(context);
    }

    public static void WriteOne(CliContext context, ControlCatalog catalog, ResolvedControl control, bool json, IReadOnlyList<Core.Attestations.Attestation> attestations)
    {
        if (json)
        {
            WriteOneJson(context, catalog, control, attestations);
            return;
        }

        var o = context.Out;
        var c = control.Control;
        o.WriteLine($"{c.Id} {c.Title}");
        o.WriteLine($"  {c.Family} safeguard, {(c.IsStandard ? "standard" : $"specification of {c.Parent}")}, {(c.Designation is { } d ? Words.Of(d) : "rolls up from its specifications")}");
        o.WriteLine($"  Owner: {control.OwnerRef}{(control.Owners.Count > 0 ? $" ({string.Join(", ", control.Owners.Select(p => p.Name))})" : string.Empty)}");
        if (control.Status is { } status)
        {
            o.WriteLine($"  Implementation: {Words.Of(status)}");
        }

        o.WriteLine($"  Maximum evidence age: {(int)control.MaxAge.TotalDays}d");
        Section(o, "What it asks", c.Summary);
        Section(o, "What an assessor looks for", c.AssessorFocus);
        if (control.Overlay?.Statement is { } statement)
        {
            Section(o, "Implementation statement", statement);
        }

        if (control.Overlay?.Decision is { } decision)
        {
            Section(o, "Documented decision", $"{(decision.Alternative is null ? string.Empty : $"Alternative: {decision.Alternative} ")}Rationale: {decision.Rationale} (decided by {decision.DecidedBy?.Value} on {decision.DecidedOn:yyyy-MM-dd})");
        }

        o.WriteLine();
        o.WriteLine($"  Expected documents ({control.ExpectedArtifacts.Count}):");
        foreach (var artifact in control.ExpectedArtifacts)
        {
            o.WriteLine($"    {artifact.Id}: {artifact.Title} (maximum age {(int)artifact.MaxAge.TotalDays}d)");
        }

        o.WriteLine();
        o.WriteLine($"  Evidence queries ({control.Queries.Count}):");
        foreach (var query in control.Queries)
        {
            o.WriteLine($"    {query.Key}{Provenance(catalog, query)}");
        }

        var history = AttestationHistoryView.Lines(control.Id, attestations);
        if (history.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"  Attestations ({Words.Plural(attestations.Count(a => a.Control.Value == control.Id), "record")} on file):");
            foreach (var line in history)
            {
                o.WriteLine($"    {line}");
            }
        }
    }

    private static void WriteOneJson(CliContext context, ControlCatalog catalog, ResolvedControl control, IReadOnlyList<Core.Attestations.Attestation> attestations) => JsonOutput.Write(context.Out, w =>
    {
        w.WriteStartObject();
        JsonOutput.WriteControlHeader(w, control);
        w.WriteString("parent", control.Control.Parent);
        w.WriteString("summary", control.Control.Summary);
        w.WriteString("assessor_focus", control.Control.AssessorFocus);
        w.WriteString("statement", control.Overlay?.Statement);
        w.WriteStartArray("expected_artifacts");
        foreach (var artifact in control.ExpectedArtifacts)
        {
            w.WriteStringValue(artifact.Id);
        }

        w.WriteEndArray();
        w.WriteStartArray("queries");
        foreach (var query in control.Queries)
        {
            w.WriteStartObject();
            w.WriteString("key", query.Key);
            w.WriteString("kind", query.Kind.Name);
            w.WriteString("description", query.Describe());
            if (Mapping(catalog, query) is { } mapping)
            {
                w.WriteString("provenance", EnumNames.ToKebab(mapping.Provenance));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        AttestationHistoryView.WriteJson(w, control.Id, attestations);
        w.WriteEndObject();
    });

    private static CloudMapping? Mapping(ControlCatalog catalog, EvidenceQuery query) =>
        catalog.Mappings.FirstOrDefault(m => m.Query.Key == query.Key);

    private static string Provenance(ControlCatalog catalog, EvidenceQuery query) => Mapping(catalog, query) switch
    {
        { Provenance: MappingProvenance.Aws } m => $"  [{m.Title}; mapped by AWS]",
        { Supplementary: true } m => $"  [{m.Title}; supplementary, mapped by the Evidence team]",
        { } m => $"  [{m.Title}; mapped by the Evidence team]",
        null => $"  [{query.Describe()}]",
    };

    private static void Section(TextWriter o, string title, string text)
    {
        o.WriteLine();
        o.WriteLine($"  {title}:");
        foreach (var line in Wrap(text, 90))
        {
            o.WriteLine($"    {line}");
        }
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
