using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>Every YAML file kind is read strictly: a key it does not know is an error at the key, with a "did you mean".</summary>
public sealed class UnknownKeyTests
{
    private const string Overlay = "controls/overlays.yaml";
    private const string Attestation = "attestations/2026-Q3/session-timeout.yaml";

    [Fact]
    public void AnUnknownKeyInEvidenceYamlNamesTheNearestKey()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "settings:", "setings:");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown key 'setings' in evidence.yaml (did you mean 'settings'?)", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "setings"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnUnknownKeyWithNoNearMissListsTheAllowedKeys()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "  name: Test System\n", "  name: Test System\n  headquarters: Boston\n");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown key 'headquarters' in 'system'; allowed keys are: id, name, organization", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "headquarters"), error.Location);
    }

    [Fact]
    public void AnUnknownKeyInAnOverlayNamesTheNearestKey()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                ownr: dana
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown key 'ownr' in a control overlay (did you mean 'owner'?)", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "ownr"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnUnknownKeyInAnAttestationNamesTheNearestKey()
    {
        using var workspace = new WorkspaceBuilder().Write(Attestation, """
            control: "164.312(a)(2)(iii)"
            period: 2026-Q3
            attested_by: dana
            attested_at: 2026-10-06T15:04:00Z
            result: implemented
            coment: Checked the session timeout in every application.
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown key 'coment' in an attestation (did you mean 'comment'?)", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "coment"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnUnknownKeyInAQueryNamesTheNearestKeyOfThatKind()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: aws-config
                    rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                    regoins: [us-east-1]
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown key 'regoins' in an evidence query (did you mean 'regions'?)", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "regoins"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AKeyOfAnotherQueryKindIsUnknownForThisKind()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: aws-config
                    rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                    scopes: [0b1f6471-1bf0-4dda-aec3-cb9272f09590]
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown key 'scopes' in an evidence query", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "scopes"), error.Location);
    }
}
