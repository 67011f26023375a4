using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Evidence.Testing;
using Json.Schema;

namespace Evidence.Cli.Tests.Check;

/// <summary>
/// The reports of <c>evidence check</c> are what CI servers and code-review tools read, so they are checked
/// against the schemas those readers use: Jenkins' JUnit XSD and the OASIS SARIF 2.1.0 schema
/// (tests/Evidence.Testing/Fixtures/schemas).
/// </summary>
public sealed class CheckReportTests
{
    private const string AsOf = "2026-11-21T09:00:00Z";

    private static readonly Lazy<XmlSchemaSet> JUnitSchema = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(null, Path.Combine(RepositoryPaths.Fixtures, "schemas", "junit-10.xsd"));
        set.Compile();
        return set;
    });

    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
    {
        // JsonSchema.Net reads draft 6 and later. The SARIF schema is draft-04 but uses nothing whose meaning
        // changed after it (no boolean exclusiveMinimum or exclusiveMaximum; its root 'id' is only a name), so
        // it is read as draft-07, unchanged otherwise.
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "schemas", "sarif-schema-2.1.0.json")))!.AsObject();
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        node.Remove("id");
        return JsonSchema.FromText(node.ToJsonString());
    });

    [Fact]
    public void TheSampleJUnitReportIsValidJUnitWithOneTestCasePerControl()
    {
        using var output = new TempDirectory();
        var path = Path.Combine(output.Path, "check.xml");

        var result = CliRunner.Run("check", CliRunner.Sample, "--as-of", AsOf, "--junit", path);

        Assert.Equal(1, result.ExitCode);
        var document = ValidateJUnit(path);
        var cases = document.Descendants("testcase").ToList();
        Assert.Equal(68, cases.Count);
        Assert.All(cases, c => Assert.Matches(@"^164\.3\d\d\(", c.Attribute("name")!.Value));
        Assert.Contains(cases, c => c.Attribute("classname")!.Value == "Technical");
        var failing = cases.Where(c => c.Element("failure") is not null).ToList();
        Assert.Equal(int.Parse(document.Root!.Attribute("failures")!.Value, System.Globalization.CultureInfo.InvariantCulture), failing.Count);
        var bucket = failing.Single(c => c.Attribute("name")!.Value.StartsWith("164.308(a)(3)(i) ", StringComparison.Ordinal)).Element("failure")!;
        Assert.Contains("finding-overdue: finding F-", bucket.Value, StringComparison.Ordinal);
        Assert.Contains("acceptance-expired: finding F-", bucket.Value, StringComparison.Ordinal);
        Assert.Equal(7, cases.Count(c => c.Element("skipped") is not null));
    }

    [Fact]
    public void AnInvalidWorkspaceStillWritesValidJUnitThatNamesTheProblem()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "catalog: builtin", "catalog: builtin\ncatalgo: builtin");
        var path = workspace.PathOf("out/check.xml");

        CliRunner.Run("check", workspace.Root, "--junit", path);

        var failure = ValidateJUnit(path).Descendants("failure").Single();
        Assert.Contains("catalgo", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void TheJUnitSchemaRejectsATestCaseWithoutAName()
    {
        using var output = new TempDirectory();
        var path = Path.Combine(output.Path, "bad.xml");
        File.WriteAllText(path, "<testsuites><testsuite tests=\"1\"><testcase classname=\"x\"/></testsuite></testsuites>");

        Assert.Throws<XmlSchemaValidationException>(() => ValidateJUnit(path));
    }

    [Fact]
    public void TheSampleSarifReportIsValidSarifWithOneResultPerFailingControlAtItsOverlay()
    {
        using var output = new TempDirectory();
        var sarif = Path.Combine(output.Path, "check.sarif");
        var json = Path.Combine(output.Path, "check.json");

        CliRunner.Run("check", CliRunner.Sample, "--as-of", AsOf, "--sarif", sarif, "--json", json);

        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        AssertValidSarif(document.RootElement);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var failing = report.RootElement.GetProperty("controls").EnumerateArray().Where(c => c.GetProperty("result").GetString() == "fail").ToList();
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(failing.Count, results.Count);
        var first = results[0];
        var citation = first.GetProperty("properties").GetProperty("citation").GetString()!;
        var location = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        var line = location.GetProperty("region").GetProperty("startLine").GetInt32();
        var overlayFile = Path.Combine(CliRunner.Sample, "controls", Path.GetFileName(new Uri(uri).LocalPath));
        Assert.StartsWith("file://", uri, StringComparison.Ordinal);
        Assert.Contains($"\"{citation}\"", File.ReadLines(overlayFile).ElementAt(line - 1), StringComparison.Ordinal);
    }

    [Fact]
    public void ARelativeWorkspaceGivesSarifPathsRelativeToTheSourceRoot()
    {
        using var workspace = new WorkspaceBuilder().WithCleanRun().Write("controls/overlays.yaml", "controls:\n  - control: \"164.312(b)\"\n    owner: dana\n");
        var sarif = workspace.PathOf("check.sarif");
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), workspace.Root);

        CliRunner.Run("check", relative, "--as-of", GateWorkspace.Instant(GateWorkspace.Start.AddDays(1)), "--sarif", sarif);

        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        AssertValidSarif(document.RootElement);
        var locations = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation")).ToList();
        Assert.Contains(locations, l => l.GetProperty("uri").GetString()!.EndsWith("controls/overlays.yaml", StringComparison.Ordinal));
        Assert.All(locations, l => Assert.Equal("%SRCROOT%", l.GetProperty("uriBaseId").GetString()));
    }

    [Fact]
    public void TheSarifSchemaRejectsALogWithoutAVersion()
    {
        var log = JsonNode.Parse("""{"runs":[{"tool":{"driver":{"name":"evidence"}},"results":[]}]}""")!;

        using var document = JsonDocument.Parse(log.ToJsonString());
        Assert.False(SarifSchema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void TheJsonReportCarriesTheExitCodeAndEveryControl()
    {
        using var output = new TempDirectory();
        var path = Path.Combine(output.Path, "check.json");

        var result = CliRunner.Run("check", CliRunner.Sample, "--as-of", AsOf, "--json", path);

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(result.ExitCode, json.RootElement.GetProperty("exit_code").GetInt32());
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(68, json.RootElement.GetProperty("controls").GetArrayLength());
        Assert.Equal(
            ["non-compliant", "not-collected", "stale", "missing-document", "attestation-overdue", "finding-overdue", "acceptance-expired"],
            json.RootElement.GetProperty("failed_kinds").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public void TheSampleCheckMatchesItsSnapshot()
    {
        var result = CliRunner.Run("check", CliRunner.Sample, "--as-of", AsOf);

        Assert.Equal((int)ExitCode.ControlsNotSatisfied, result.ExitCode);
        Snapshot.Match(result.Out, "sample-check");
    }

    private static XDocument ValidateJUnit(string path)
    {
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = JUnitSchema.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => throw new XmlSchemaValidationException($"{path}:{e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(path, settings);
        return XDocument.Load(reader);
    }

    private static void AssertValidSarif(JsonElement log)
    {
        var result = SarifSchema.Value.Evaluate(log, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .Take(5);
        Assert.True(result.IsValid, $"the SARIF log does not match the SARIF 2.1.0 schema: {string.Join("; ", errors)}");
    }
}
