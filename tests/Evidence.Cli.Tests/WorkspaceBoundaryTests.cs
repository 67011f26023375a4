using System.Security.Cryptography;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>
/// The reported ways out of the workspace, each through a link or a path in a file the workspace holds:
/// every one is refused with a clear message and the documented exit code, and nothing outside is read.
/// </summary>
public sealed class WorkspaceBoundaryTests : IDisposable
{
    private const string AsOf = "2026-11-21T09:00:00Z";
    private const string Secret = "TOP-SECRET-OUTSIDE-THE-WORKSPACE";

    private readonly TempDirectory _outside = new();
    private readonly TempDirectory _out = new();

    public WorkspaceBoundaryTests() => File.WriteAllText(_outside.Combine("shadow"), Secret + "\n");

    [Fact]
    public void AnIncludeThroughALinkedFolderOfTheTemplateDirIsATemplateErrorAndPrintsNothingOfTheTarget()
    {
        using var templates = new TempDirectory();
        File.WriteAllText(templates.Combine("ssp.md.scriban"), "{{ include 'x/shadow' }}\n");
        LinkOrSkip(() => Directory.CreateSymbolicLink(templates.Combine("x"), _outside.Path));

        var result = CliRunner.Run("build", CliRunner.Sample, "--as-of", AsOf, "--output", _out.Path, "--only", "ssp", "--format", "md", "--template-dir", templates.Path);

        Assert.Equal((int)ExitCode.TemplateInvalid, result.ExitCode);
        Assert.StartsWith($"{templates.Path}/ssp.md.scriban:1:4: include 'x/shadow' escapes the template folder", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Out + result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void ALinkedFolderInTheWorkspaceTemplatesSettingFailsValidationAtTheSettingAndStopsTheBuild()
    {
        using var workspace = new WorkspaceBuilder();
        workspace.Replace("evidence.yaml", "settings:\n", "settings:\n  templates: my-templates\n")
            .Write("my-templates/ssp.md.scriban", "{{ include 'x/shadow' }}\n");
        LinkOrSkip(() => Directory.CreateSymbolicLink(workspace.PathOf("my-templates/x"), _outside.Path));

        var validate = CliRunner.Run("validate", workspace.Root);
        var build = CliRunner.Run("build", workspace.Root, "--as-of", AsOf, "--output", _out.Path, "--only", "ssp", "--format", "md");

        Assert.Equal((int)ExitCode.WorkspaceInvalid, validate.ExitCode);
        var at = workspace.Locate("evidence.yaml", "my-templates");
        Assert.Contains($"{at}: 'my-templates/x' escapes the workspace through a link", validate.Error, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.WorkspaceInvalid, build.ExitCode);
        Assert.DoesNotContain(Secret, build.Out + build.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
    }

    [Fact]
    public void ATemplatesSettingThatIsItselfALinkOutOfTheWorkspaceIsAWorkspaceError()
    {
        using var workspace = new WorkspaceBuilder();
        workspace.Replace("evidence.yaml", "settings:\n", "settings:\n  templates: my-templates\n  font: fonts/x.ttf\n");
        File.WriteAllText(_outside.Combine("x.ttf"), "not really a font");
        LinkOrSkip(() => Directory.CreateSymbolicLink(workspace.PathOf("my-templates"), _outside.Path));
        Directory.CreateSymbolicLink(workspace.PathOf("fonts"), _outside.Path);

        var result = CliRunner.Run("validate", workspace.Root);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        Assert.Contains("'settings.templates' ('my-templates') escapes the workspace through a link", result.Error, StringComparison.Ordinal);
        Assert.Contains("'settings.font' ('fonts/x.ttf') escapes the workspace through a link", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AManualDocumentUnderALinkedArtifactsFolderStopsTheBuildBeforeAnythingIsAttached()
    {
        using var workspace = new WorkspaceBuilder().Write("controls/overlays.yaml", """
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: manual
                    path: artifacts/shadow
                    date: 2026-06-01
            """);
        LinkOrSkip(() => Directory.CreateSymbolicLink(workspace.PathOf("artifacts"), _outside.Path));

        var validate = CliRunner.Run("validate", workspace.Root);
        var build = CliRunner.Run("build", workspace.Root, "--as-of", AsOf, "--output", _out.Path, "--only", "binder", "--format", "pdf");

        Assert.Equal((int)ExitCode.WorkspaceInvalid, validate.ExitCode);
        Assert.Contains($"{workspace.Locate("controls/overlays.yaml", "artifacts/shadow")}: 'artifacts/shadow' escapes the workspace through a link", validate.Error, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.WorkspaceInvalid, build.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
    }

    [Fact]
    public void ARawRunFileReplacedByALinkWithItsHashUpdatedFailsVerifyValidateAndBuild()
    {
        using var workspace = new WorkspaceBuilder();
        var run = new RunBuilder(workspace.Root, new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero))
            .Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED").Write();
        var raw = Directory.GetFiles(Path.Combine(run, "raw")).Single();
        var manifest = Path.Combine(run, "manifest.json");
        var recorded = Sha256(raw);
        File.Delete(raw);
        LinkOrSkip(() => File.CreateSymbolicLink(raw, _outside.Combine("shadow")));
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(recorded, Sha256(_outside.Combine("shadow")), StringComparison.Ordinal));

        var verify = CliRunner.Run("verify", workspace.Root);
        var validate = CliRunner.Run("validate", workspace.Root);
        var build = CliRunner.Run("build", workspace.Root, "--as-of", AsOf, "--output", _out.Path, "--only", "binder", "--format", "pdf");

        Assert.Equal((int)ExitCode.EvidenceInvalid, verify.ExitCode);
        Assert.Contains($"raw/{Path.GetFileName(raw)} is reached through a link", verify.Error, StringComparison.Ordinal);
        Assert.Matches(@"manifest\.json:\d+:\d+: raw/", verify.Error);
        Assert.Equal((int)ExitCode.EvidenceInvalid, validate.ExitCode);
        Assert.Equal((int)ExitCode.EvidenceInvalid, build.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
    }

    [Fact]
    public void VerifyingARunReportsEveryFileAndLinkItsManifestDoesNotList()
    {
        using var workspace = new WorkspaceBuilder();
        var run = new RunBuilder(workspace.Root, new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero))
            .Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED").Write();
        File.WriteAllText(Path.Combine(run, "raw", "extra.json"), "{}");
        LinkOrSkip(() => File.CreateSymbolicLink(Path.Combine(run, "notes.txt"), _outside.Combine("shadow")));

        var result = CliRunner.Run("verify", run);

        Assert.Equal((int)ExitCode.EvidenceInvalid, result.ExitCode);
        Assert.Contains("raw/extra.json: is a file that the run's manifest does not list", result.Error, StringComparison.Ordinal);
        Assert.Contains("notes.txt: is a link (to ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/hostname")]
    [InlineData("../../outside.body")]
    public void OfflineCollectionRefusesARecordingWhoseBodyLeadsOutOfTheRecordingsFolder(string body)
    {
        using var workspace = new WorkspaceBuilder()
            .Write("recordings/exchanges.jsonl", $$"""{"key":"POST https://config.us-east-1.amazonaws.com/ x","status":200,"headers":[],"body":"{{body}}"}""" + "\n")
            .Write("outside.body", Secret);

        var validate = CliRunner.Run("validate", workspace.Root);
        var result = CliRunner.Run(new Dictionary<string, string> { ["AWS_EC2_METADATA_DISABLED"] = "true" }, "collect", workspace.Root, "--offline", "--as-of", AsOf);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, validate.ExitCode);
        Assert.Contains($"{workspace.Shown("recordings/exchanges.jsonl")}:1:1: body '{body}' escapes the recordings folder", validate.Error, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        Assert.Contains($"exchanges.jsonl:1:1: body '{body}' escapes the recordings folder", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf("evidence/runs")));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void OfflineCollectionRefusesABodyThatIsALinkOutOfTheRecordingsFolder()
    {
        using var workspace = new WorkspaceBuilder()
            .Write("recordings/exchanges.jsonl", """{"key":"k","status":200,"headers":[],"body":"bodies/a.body"}""" + "\n");
        Directory.CreateDirectory(workspace.PathOf("recordings/bodies"));
        LinkOrSkip(() => File.CreateSymbolicLink(workspace.PathOf("recordings/bodies/a.body"), _outside.Combine("shadow")));

        var result = CliRunner.Run("collect", workspace.Root, "--offline", "--as-of", AsOf);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        Assert.Contains("body 'bodies/a.body' escapes the recordings folder", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf("evidence/runs")));
    }

    public void Dispose()
    {
        _outside.Dispose();
        _out.Dispose();
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Theory]
    [InlineData("controls/extra.yaml", "controls:\n  - control: \"164.308(a)(2)\"\n    owner: dana\n    status: implemented\n    statement: " + Secret + "\n")]
    [InlineData("attestations/2026-Q3/extra.yaml", "control: \"164.308(a)(2)\"\nperiod: 2026-Q3\nattested_by: dana\nattested_at: 2026-10-01T00:00:00Z\nresult: implemented\ncomment: " + Secret + "\n")]
    [InlineData("findings.yaml", "findings:\n  - key: \"*\"\n    false_positive:\n      reason: " + Secret + "\n      by: dana\n")]
    public void AnOverlayAttestationOrFindingsFileThatIsALinkOutOfTheWorkspaceIsAWorkspaceErrorAndNothingOfItIsRead(string relative, string content)
    {
        using var workspace = new WorkspaceBuilder();
        File.WriteAllText(_outside.Combine("linked.yaml"), content);
        Directory.CreateDirectory(Path.GetDirectoryName(workspace.PathOf(relative))!);
        LinkOrSkip(() => File.CreateSymbolicLink(workspace.PathOf(relative), _outside.Combine("linked.yaml")));

        var validate = CliRunner.Run("validate", workspace.Root);
        var build = CliRunner.Run("build", workspace.Root, "--as-of", AsOf, "--output", _out.Path, "--only", "ssp", "--format", "md");

        Assert.Equal((int)ExitCode.WorkspaceInvalid, validate.ExitCode);
        Assert.Contains($"{workspace.Shown(relative)}: this file leads outside the workspace through a link", validate.Error, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.WorkspaceInvalid, build.ExitCode);
        Assert.DoesNotContain(Secret, validate.Out + validate.Error + build.Out + build.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
    }

    [Fact]
    public void ACustomCatalogOutsideTheWorkspaceOrWithAFileLinkedOutIsAWorkspaceError()
    {
        using var workspace = new WorkspaceBuilder();
        Directory.CreateDirectory(_outside.Combine("catalog"));
        workspace.Replace("evidence.yaml", "catalog: builtin", $"catalog: {_outside.Combine("catalog")}");

        var outside = CliRunner.Run("validate", workspace.Root);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, outside.ExitCode);
        Assert.Contains($"catalog folder '{_outside.Combine("catalog")}' leads outside the workspace", outside.Error, StringComparison.Ordinal);

        workspace.Replace("evidence.yaml", $"catalog: {_outside.Combine("catalog")}", "catalog: my-catalog")
            .Write("my-catalog/README.txt", "a custom catalog\n");
        LinkOrSkip(() => File.CreateSymbolicLink(workspace.PathOf("my-catalog/controls.yaml"), _outside.Combine("shadow")));

        var linked = CliRunner.Run("validate", workspace.Root);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, linked.ExitCode);
        Assert.Contains($"{workspace.Shown("my-catalog/controls.yaml")}: this file leads outside the workspace through a link", linked.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, linked.Out + linked.Error, StringComparison.Ordinal);
    }

    private static void LinkOrSkip(Action link)
    {
        try
        {
            link();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or PlatformNotSupportedException || e.GetType() == typeof(IOException))
        {
            Assert.Skip($"symbolic links are not supported here: {e.Message}");
        }
    }
}
