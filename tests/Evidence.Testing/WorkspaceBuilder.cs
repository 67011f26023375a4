namespace Evidence.Testing;

/// <summary>
/// Writes a small valid workspace to a temp folder: AWS with one account and region, Azure with one
/// subscription, one person holding every role, quarterly attestations. Tests replace or add files to
/// make it bad in exactly one way.
/// </summary>
public sealed class WorkspaceBuilder : IDisposable
{
    public const string Account = "111122223333";
    public const string Region = "us-east-1";
    public const string Subscription = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";

    private readonly TempDirectory _directory = new();

    public WorkspaceBuilder() => Write("evidence.yaml", DefaultWorkspace);

    public string Root => _directory.Path;

    public static string DefaultWorkspace => """
        version: 1
        catalog: builtin
        system:
          id: test-system
          name: Test System
          organization: Test Org
          description: A system used by the tests.
        boundary:
          aws:
            accounts:
              - id: "111122223333"
                name: prod
                regions: [us-east-1]
          azure:
            cloud: AzureCloud
            subscriptions:
              - id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590
                name: prod
        people:
          - id: dana
            name: Dana Whitfield
            email: dana@example.org
          - id: lee
            name: Lee Park
            email: lee@example.org
        roles:
          security-officer: [dana]
          privacy-officer: [dana]
          cloud-platform: [dana]
          identity-access: [dana]
          it-operations: [dana]
          application-engineering: [dana]
          incident-response: [dana]
          human-resources: [dana]
          facilities: [dana]
          vendor-management: [dana]
          business-continuity: [dana]
          compliance: [dana]
        settings:
          attestations:
            cadence: quarterly
            grace: 14d
        """;

    /// <summary>Writes (or replaces) a file, relative to the workspace root.</summary>
    public WorkspaceBuilder Write(string relativePath, string content)
    {
        var path = System.IO.Path.Combine(Root, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>Replaces text in a file, failing if the text is not there (so a fixture cannot silently stop testing).</summary>
    public WorkspaceBuilder Replace(string relativePath, string oldText, string newText)
    {
        var path = System.IO.Path.Combine(Root, relativePath);
        var content = File.ReadAllText(path);
        if (!content.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{oldText}' is not in {relativePath}");
        }

        File.WriteAllText(path, content.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    public void Dispose() => _directory.Dispose();
}
