using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;

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

    /// <summary>Loads the workspace the way the CLI does, by the folder path.</summary>
    public LoadedWorkspace Load() => WorkspaceLoader.Load(Root);

    /// <summary>A file's path as diagnostics show it when the workspace is loaded by <see cref="Root"/>.</summary>
    public string Shown(string relativePath) => $"{Root.Replace('\\', '/').TrimEnd('/')}/{relativePath}";

    /// <summary>
    /// Where <paramref name="text"/> starts in a file, as a diagnostic would name it. The text must occur
    /// once, unless <paramref name="occurrence"/> (1-based) says which one is meant.
    /// </summary>
    public SourceLocation Locate(string relativePath, string text, int? occurrence = null)
    {
        var content = File.ReadAllText(PathOf(relativePath));
        var starts = new List<int>();
        for (var i = content.IndexOf(text, StringComparison.Ordinal); i >= 0; i = content.IndexOf(text, i + 1, StringComparison.Ordinal))
        {
            starts.Add(i);
        }

        if (starts.Count == 0 || (occurrence is null && starts.Count > 1) || occurrence > starts.Count)
        {
            throw new InvalidOperationException($"'{text}' occurs {starts.Count} times in {relativePath}; name an occurrence that exists");
        }

        var index = starts[(occurrence ?? 1) - 1];
        var lineStart = content.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        var line = content[..index].Count(c => c == '\n') + 1;
        return new SourceLocation(Shown(relativePath), line, index - lineStart + 1);
    }

    public void Dispose() => _directory.Dispose();
}
