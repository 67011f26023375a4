using Evidence.Core.Scanning;
using Evidence.Rendering.Forms;

namespace Evidence.Rendering.Redaction;

/// <summary>
/// The gate for an attestation request form: every text on it is scanned; with <c>redact</c>, each hit is
/// replaced by its marker. Hits are named by the control they are under ("form" for the header).
/// </summary>
public static class FormRedaction
{
    public static (AttestationForm Form, IReadOnlyList<SectionHit> Hits) Apply(AttestationForm form, Scanner scanner, bool redact)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(scanner);
        var hits = new List<SectionHit>();
        string Text(string section, string text)
        {
            var found = scanner.Scan(text);
            hits.AddRange(found.Select(h => new SectionHit(section, h)));
            return redact ? Scanner.Replace(text, found) : text;
        }

        var controls = form.Controls.Select(c => c with
        {
            Title = Text(c.Citation, c.Title),
            Asks = Text(c.Citation, c.Asks),
            Evidence = c.Evidence.Select(e => Text(c.Citation, e)).ToList(),
            Findings = c.Findings.Select(f => Text(c.Citation, f)).ToList(),
            LastAttested = c.LastAttested is { } last ? Text(c.Citation, last) : null,
        }).ToList();
        var result = form with
        {
            SystemName = Text("form", form.SystemName),
            Organization = Text("form", form.Organization),
            OwnerName = Text("form", form.OwnerName),
            Controls = controls,
        };
        return (result, hits);
    }
}
