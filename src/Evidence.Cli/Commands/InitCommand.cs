using System.CommandLine;
using System.Text.RegularExpressions;
using Evidence.Core.Files;
using Evidence.Core.Loading;

namespace Evidence.Cli.Commands;

/// <summary><c>evidence init [dir]</c>: a new workspace that references the shipped catalog and validates as written.</summary>
internal static partial class InitCommand
{
    private static readonly string[] Folders = ["controls", "artifacts", "attestations", "evidence/runs"];

    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("dir") { Description = "Where to create the workspace. Default: the current folder.", DefaultValueFactory = _ => "." };
        var systemId = new Option<string?>("--system-id") { Description = "The system's id (lower-case letters, digits, '-'); used in document names. Default: the folder name." };
        var name = new Option<string>("--name") { Description = "The system's name, as the SSP should print it.", Required = true };
        var organization = new Option<string>("--organization") { Description = "The covered entity or business associate that runs it.", Required = true };
        var owner = new Option<string>("--owner") { Description = "The person who answers for every control until you assign others: \"Name <email>\".", Required = true };
        var command = new Command("init", "Create a new workspace that references the shipped HIPAA catalog.") { directory, systemId, name, organization, owner };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            var file = Path.Combine(dir, WorkspaceLoader.WorkspaceFile);
            if (File.Exists(file))
            {
                throw UserException.Io($"{file} already exists; init will not overwrite a workspace");
            }

            var id = parse.GetValue(systemId) ?? Slug(Path.GetFileName(Path.GetFullPath(dir)));
            if (!IdPattern().IsMatch(id))
            {
                throw UserException.Usage($"--system-id '{id}' must be lower-case letters, digits and '-', starting with a letter");
            }

            var person = ParseOwner(parse.GetValue(owner)!);
            foreach (var folder in Folders)
            {
                Directory.CreateDirectory(Path.Combine(dir, folder));
            }

            AtomicFile.WriteAllText(Path.Combine(dir, ".gitignore"), "out/\n", overwrite: true);
            AtomicFile.WriteAllText(file, WorkspaceTemplate.Render(id, parse.GetValue(name)!, parse.GetValue(organization)!, person));
            context.Out.WriteLine($"Created {file}. Next: describe the boundary in evidence.yaml, add overlays under controls/, then run 'evidence validate {dir}'.");
            return (int)ExitCode.Success;
        });
        return command;
    }

    private static (string Id, string Name, string Email) ParseOwner(string text)
    {
        var match = OwnerPattern().Match(text.Trim());
        if (!match.Success)
        {
            throw UserException.Usage($"--owner '{text}' must look like \"Dana Whitfield <dana@example.org>\"");
        }

        var name = match.Groups["name"].Value.Trim();
        return (Slug(name), name, match.Groups["email"].Value);
    }

    private static string Slug(string text)
    {
        var slug = SlugPattern().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 0 && char.IsAsciiLetter(slug[0]) ? slug : $"system-{slug}".TrimEnd('-');
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(?<name>[^<>]+)<(?<email>[^<>@\\s]+@[^<>\\s]+)>$")]
    private static partial Regex OwnerPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugPattern();
}
