using System.CommandLine;
using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;
using Evidence.Web.Portal;

namespace Evidence.Cli.Commands;

/// <summary><c>evidence serve invite OWNER</c>: prints a single-use, expiring sign-in link to the portal for one person.</summary>
internal static class ServeInviteCommand
{
    public static Command Create(CliContext context)
    {
        var owner = new Argument<string>("owner") { Description = "The person (an id from evidence.yaml's people) the link signs in." };
        var workspace = AttestCommand.WorkspaceOption();
        var days = new Option<int>("--expires-days") { Description = "Days the link stays valid. Default: 7.", DefaultValueFactory = _ => 7 };
        var url = new Option<string>("--url") { Description = $"Where the server is reached. Default: http://127.0.0.1:{ServeCommand.DefaultPort}.", DefaultValueFactory = _ => $"http://127.0.0.1:{ServeCommand.DefaultPort}" };
        var command = new Command("invite", "Print a single-use sign-in link for a control owner (valid for --expires-days).")
        {
            owner, workspace, days, url,
        };
        command.SetAction(parse =>
        {
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit, verifyHashes: false);
            if (loaded is null)
            {
                return (int)exit;
            }

            var id = parse.GetValue(owner)!;
            var people = loaded.Workspace!.People.Select(p => p.Id).ToList();
            if (!people.Contains(id))
            {
                throw UserException.Usage($"'{id}' is not a person in evidence.yaml{Suggestions.DidYouMean(id, people)}");
            }

            var lifetime = parse.GetValue(days);
            if (lifetime is < 1 or > 90)
            {
                throw UserException.Usage($"--expires-days {lifetime}: a link lasts from 1 to 90 days");
            }

            var folder = new DataFolder(loaded.Root);
            var (token, link) = new InviteTokens(folder, context.Time).IssueLink(id, TimeSpan.FromDays(lifetime));
            context.Out.WriteLine($"{parse.GetValue(url)!.TrimEnd('/')}/signin/{token}");
            context.Error.WriteLine($"Single use, valid until {Timestamps.Format(link.Expires)}. Send it to {id} privately: whoever opens it signs in as them.");
            context.Error.WriteLine($"Link id {link.Id}: 'evidence serve revoke {link.Id}' revokes it.");
            return (int)ExitCode.Success;
        });
        return command;
    }
}
