using System.CommandLine;
using Evidence.Cli.Output;
using Evidence.Core.Diagnostics;
using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Core.Resolution;
using Evidence.Core.Workspaces;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence attest pending [--owner ID] [--json]</c>: per owner, what is due (and by when), what is
/// overdue (and since when), and each control's current evidence state.
/// </summary>
internal static class AttestPendingCommand
{
    public static Command Create(CliContext context)
    {
        var owner = new Option<string?>("--owner") { Description = "Only this person, or the people of this role." };
        var json = CommonOptions.Json();
        var workspace = AttestCommand.WorkspaceOption();
        var asOf = CommonOptions.AsOf();
        var command = new Command("pending", "Per owner: the attestations due this period with their due date, those overdue and since when, and each control's evidence state.")
        {
            owner, json, workspace, asOf,
        };
        command.SetAction(parse =>
        {
            var instant = AsOf.Resolve(parse.GetValue(asOf), context);
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit);
            if (loaded is null)
            {
                return (int)exit;
            }

            var owners = Owners(loaded, parse.GetValue(owner));
            var pending = Pending(loaded, instant, owners);
            if (parse.GetValue(json))
            {
                PendingView.WriteJson(context.Out, instant, pending);
            }
            else
            {
                PendingView.Write(context, pending);
            }

            return (int)ExitCode.Success;
        });
        return command;
    }

    /// <summary>Every owner's attestations in workspace order, each with the controls they answer for.</summary>
    internal static IReadOnlyList<OwnerPending> Pending(LoadedWorkspace loaded, DateTimeOffset asOf, IReadOnlyList<Person> owners) =>
        PendingAttestations.For(loaded, Evaluator.Evaluate(loaded, asOf), owners);

    /// <summary>The people an <c>--owner</c> names (a person, or a role's people), or every person.</summary>
    internal static IReadOnlyList<Person> Owners(LoadedWorkspace loaded, string? ownerId)
    {
        var workspace = loaded.Workspace!;
        if (ownerId is null)
        {
            return workspace.People;
        }

        var ids = workspace.People.Select(p => p.Id).Concat(loaded.Catalog.Roles.Select(r => r.Id)).ToList();
        return ids.Contains(ownerId)
            ? ControlResolver.OwnersOf(workspace, ownerId)
            : throw UserException.Usage($"--owner '{ownerId}' is neither a person nor a role{Suggestions.DidYouMean(ownerId, ids)}");
    }
}
