using System.Text;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;
using Evidence.Rendering.Templates;

namespace Evidence.Rendering.Forms;

/// <summary>
/// A request form to print, sign and hand back: the same content as the Word form, written through the
/// document model (Markdown → blocks → any writer) with boxes to tick and lines to fill in by hand. A
/// printed form is not imported; its answers are recorded with <c>evidence attest</c>.
/// </summary>
public static class AttestationFormPdf
{
    public static Document Build(AttestationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var blocks = new MarkdownConverter().Convert(Markdown(form));
        var info = new DocumentInfo
        {
            Title = $"Attestation request {form.Period}",
            SystemName = form.SystemName,
            Author = form.Organization,
            Subject = $"HIPAA Security Rule attestations due from {form.OwnerName} for {form.Period}",
            Keywords = ["HIPAA", "attestation", form.Period, form.SystemId],
            GeneratedAt = DateTimeOffset.Parse(form.IssuedAt, System.Globalization.CultureInfo.InvariantCulture),
            CustomProperties = [new("SystemId", form.SystemId), new("Owner", form.OwnerId), new("Period", form.Period)],
        };
        return new Document(info, blocks);
    }

    /// <summary>The form as Markdown (also what a reviewer can diff).</summary>
    public static string Markdown(AttestationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var md = new StringBuilder();
        md.Append("# Attestation request: ").AppendLine(TemplateHelpers.Md(form.Period)).AppendLine();
        md.AppendLine($"{TemplateHelpers.Md(form.SystemName)} ({TemplateHelpers.Md(form.Organization)}). For **{TemplateHelpers.Md(form.OwnerName)}** ({TemplateHelpers.Md(form.OwnerId)}). Issued {form.IssuedAt}; due by **{form.DueBy}**.").AppendLine();
        md.AppendLine("For each control, tick one result and write what you checked this period; then print your name, date and sign at the end.").AppendLine();
        foreach (var control in form.Controls)
        {
            md.AppendLine($"## {TemplateHelpers.Md(control.Citation)} {TemplateHelpers.Md(control.Title)}").AppendLine();
            md.AppendLine($"**What it asks:** {TemplateHelpers.Md(control.Asks)}").AppendLine();
            md.AppendLine($"**Status now:** {TemplateHelpers.Md(control.Status)}").AppendLine();
            foreach (var line in control.Evidence)
            {
                md.AppendLine($"- {TemplateHelpers.Md(line)}");
            }

            md.AppendLine();
            if (control.Findings.Count > 0)
            {
                md.AppendLine("**Open findings:**").AppendLine();
                foreach (var line in control.Findings)
                {
                    md.AppendLine($"- {TemplateHelpers.Md(line)}");
                }

                md.AppendLine();
            }

            md.AppendLine($"**Last attested:** {TemplateHelpers.Md(control.LastAttested ?? "never")}").AppendLine();
            // Non-breaking spaces give the blank rows a line's height to write on.
            md.AppendLine("| Your answer | |");
            md.AppendLine("|:------------|:--------------------------------------------------------------|");
            md.AppendLine("| Result | \\[ \\] Implemented \u00a0\u00a0 \\[ \\] Partially implemented \u00a0\u00a0 \\[ \\] Not implemented |");
            md.AppendLine("| Comment | \u00a0 |");
            md.AppendLine("| | \u00a0 |");
            md.AppendLine("| | \u00a0 |");
            md.AppendLine();
        }

        md.AppendLine("## Sign-off").AppendLine();
        md.AppendLine($"I attest that the results above are true for {TemplateHelpers.Md(form.Period)} to the best of my knowledge.").AppendLine();
        md.AppendLine("| Sign-off | |");
        md.AppendLine("|:------------|:--------------------------------------------------------------|");
        md.AppendLine("| Name | \u00a0 |");
        md.AppendLine("| Date | \u00a0 |");
        md.AppendLine("| Signature | \u00a0 |");
        md.AppendLine("| | \u00a0 |");
        return md.ToString();
    }
}
