using System.Globalization;
using System.Text;
using System.Xml;
using Evidence.Core.Files;
using Evidence.Core.Gate;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>
/// The gate as JUnit XML, the form every CI server reads: one test suite per family, one test case per
/// control named by its citation and title (class name: the family), a failure listing every reason, and
/// not-applicable controls skipped. Validation problems are one more suite. Written to match the Jenkins
/// xUnit plugin's junit-10.xsd, which the tests check it against.
/// </summary>
internal static class JUnitReport
{
    private const string ValidationSuite = "Workspace validation";

    public static void Write(string path, LoadedWorkspace loaded, GateResult result)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        AtomicFile.Write(path, stream =>
        {
            using var xml = XmlWriter.Create(stream, settings);
            Write(xml, loaded, result);
        }, overwrite: true);
    }

    private static void Write(XmlWriter xml, LoadedWorkspace loaded, GateResult result)
    {
        var families = result.Controls.GroupBy(c => c.Evaluation.Control.Control.Family).ToList();
        var validation = result.Invalid || result.ValidationFailures.Count > 0;
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", $"evidence check {loaded.Workspace?.System.Id ?? loaded.DisplayRoot}");
        xml.WriteAttributeString("tests", Number(result.Controls.Count + (validation ? 1 : 0)));
        xml.WriteAttributeString("failures", Number(result.Controls.Count(c => c.Failed) + (result.ValidationFailures.Count > 0 ? 1 : 0)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("time", "0");
        foreach (var family in families)
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", family.Key);
            xml.WriteAttributeString("tests", Number(family.Count()));
            xml.WriteAttributeString("failures", Number(family.Count(c => c.Failed)));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", Number(family.Count(c => c.Skipped)));
            xml.WriteAttributeString("time", "0");
            xml.WriteAttributeString("timestamp", Timestamps.Format(result.AsOf));
            foreach (var control in family)
            {
                WriteCase(xml, control);
            }

            xml.WriteEndElement();
        }

        if (validation)
        {
            WriteValidation(xml, result);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCase(XmlWriter xml, ControlVerdict control)
    {
        var catalog = control.Evaluation.Control.Control;
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", $"{catalog.Id} {catalog.Title}");
        xml.WriteAttributeString("classname", catalog.Family);
        xml.WriteAttributeString("time", "0");
        if (control.Skipped)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", control.Evaluation.Reasons.Count > 0 ? control.Evaluation.Reasons[0].Message : "not applicable");
            xml.WriteEndElement();
        }
        else if (control.Failed)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", $"{Words.Of(control.Evaluation.Status)}: {string.Join(", ", control.Kinds.Select(EnumNames.ToKebab))}");
            xml.WriteAttributeString("type", EnumNames.ToKebab(control.Kinds.First()));
            xml.WriteString(string.Join("\n", control.Failures.Select(f => $"{EnumNames.ToKebab(f.Kind)}: {f.Message}").Append($"owned at {control.Location}")));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteValidation(XmlWriter xml, GateResult result)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", ValidationSuite);
        xml.WriteAttributeString("tests", "1");
        xml.WriteAttributeString("failures", result.ValidationFailures.Count > 0 ? "1" : "0");
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", "0");
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", "evidence validate");
        xml.WriteAttributeString("classname", ValidationSuite);
        xml.WriteAttributeString("time", "0");
        if (result.ValidationFailures.Count > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Words.Plural(result.ValidationFailures.Count, "diagnostic"));
            xml.WriteAttributeString("type", EnumNames.ToKebab(GateKind.Validation));
            xml.WriteString(string.Join("\n", result.ValidationFailures.Select(d => d.ToString())));
            xml.WriteEndElement();
        }
        else
        {
            // Errors the gate does not stop on still mean nothing was judged: say so rather than pass.
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", "the workspace has errors, so no control was judged");
            xml.WriteString(string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
