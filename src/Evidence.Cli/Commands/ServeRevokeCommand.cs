using System.CommandLine;
using Evidence.Web.Portal;

namespace Evidence.Cli.Commands;

/// <summary><c>evidence serve revoke ID</c>: revokes one sign-in link by the id 'serve invite' printed; a session it began ends.</summary>
internal static class ServeRevokeCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The link's id, as 'evidence serve invite' printed it (12 hex digits)." };
        var workspace = AttestCommand.WorkspaceOption();
        var command = new Command("revoke", "Revoke one sign-in link by its id: it signs nobody in again, and a session it began ends.")
        {
            id, workspace,
        };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(workspace)!;
            if (!File.Exists(Path.Combine(root, Core.Loading.WorkspaceLoader.WorkspaceFile)))
            {
                throw UserException.Usage($"{root}: no {Core.Loading.WorkspaceLoader.WorkspaceFile} here; name the workspace folder with -w");
            }

            var ledger = new InviteLedger(new DataFolder(root));
            var linkId = parse.GetValue(id)!.Trim();
            var (outcome, link) = ledger.Revoke(linkId);
            switch (outcome)
            {
                case RevokeOutcome.Unknown:
                    var known = ledger.Issued().Select(l => l.Id).ToList();
                    throw UserException.Usage($"no sign-in link '{linkId}' was issued for this workspace{Core.Diagnostics.Suggestions.DidYouMean(linkId, known)}; the lead's page (/lead) lists the open links and their ids");
                case RevokeOutcome.AlreadyRevoked:
                    context.Out.WriteLine($"Link {linkId} was already revoked.");
                    break;
                default:
                    context.Out.WriteLine($"Revoked link {link!.Id} for {link.Owner} (issued {Core.Yaml.Timestamps.Format(link.IssuedAt)}).");
                    break;
            }

            return (int)ExitCode.Success;
        });
        return command;
    }
}
