using System.CommandLine;
using Evidence.Cli.Output;
using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Resolution;

namespace Evidence.Cli.Commands;

/// <summary><c>evidence controls list|show ID</c>: browse the catalog as the workspace sees it.</summary>
internal static class ControlsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("controls", "Browse the HIPAA Security Rule catalog as the workspace sees it.");
        command.Add(CreateList(context));
        command.Add(CreateShow(context));
        return command;
    }

    private static Option<string?> WorkspaceOption() => new("--workspace", "-w")
    {
        Description = "The workspace whose owners, overlays and boundary to apply. Default: the current folder if it holds evidence.yaml, else the catalog alone.",
    };

    private static Command CreateList(CliContext context)
    {
        var workspace = WorkspaceOption();
        var json = CommonOptions.Json();
        var family = new Option<string?>("--family") { Description = "Only this family or section." };
        var command = new Command("list", "List every control: citation, title, designation, owner and evidence.") { workspace, json, family };
        command.SetAction(parse =>
        {
            var view = Load(parse.GetValue(workspace), context, out var exit);
            if (view is null)
            {
                return (int)exit;
            }

            var filter = parse.GetValue(family);
            var controls = view.Controls.Where(c => filter is null || c.Control.Family.Equals(filter, StringComparison.OrdinalIgnoreCase) || c.Control.Section == filter).ToList();
            if (filter is not null && controls.Count == 0)
            {
                var families = view.Catalog.Controls.Select(c => c.Family).Distinct();
                throw UserException.Usage($"--family '{filter}' matches no control{Suggestions.DidYouMean(filter, families)}");
            }

            ControlsView.WriteList(context, controls, parse.GetValue(json));
            return (int)ExitCode.Success;
        });
        return command;
    }

    private static Command CreateShow(CliContext context)
    {
        var workspace = WorkspaceOption();
        var json = CommonOptions.Json();
        var id = new Argument<string>("citation") { Description = "The control's citation, such as 164.312(a)(2)(iv)." };
        var command = new Command("show", "Show one control: summary, assessor focus, owner, statement, decision and evidence.") { id, workspace, json };
        command.SetAction(parse =>
        {
            var view = Load(parse.GetValue(workspace), context, out var exit);
            if (view is null)
            {
                return (int)exit;
            }

            var citation = parse.GetValue(id)!;
            var control = view.Controls.FirstOrDefault(c => c.Id == citation)
                ?? throw UserException.Usage($"there is no control {citation} in the catalog{Suggestions.DidYouMean(citation, view.Catalog.Ids)}");
            ControlsView.WriteOne(context, view.Catalog, control, parse.GetValue(json), view.Attestations);
            return (int)ExitCode.Success;
        });
        return command;
    }

    private static CatalogView? Load(string? workspace, CliContext context, out ExitCode exit)
    {
        exit = ExitCode.Success;
        if (workspace is null && !File.Exists(WorkspaceLoader.WorkspaceFile))
        {
            var diagnostics = new DiagnosticBag();
            var catalog = WorkspaceLoader.LoadBuiltinCatalog(diagnostics);
            WorkspaceSession.Print(diagnostics.Sorted(), context.Error);
            return new CatalogView(catalog, catalog.Controls.Select(c => CatalogOnly(catalog, c)).ToList());
        }

        var loaded = WorkspaceSession.Load(workspace ?? ".", context, out exit, verifyHashes: false);
        return loaded is null ? null : new CatalogView(loaded.Catalog, loaded.Controls) { Attestations = loaded.Attestations };
    }

    private static ResolvedControl CatalogOnly(ControlCatalog catalog, CatalogControl control) => new()
    {
        Control = control,
        OwnerRef = control.OwnerRole,
        Queries = catalog.DefaultQueries(control),
        ExpectedArtifacts = control.ExpectedArtifacts,
        MaxAge = control.MaxAge,
        IsLeaf = catalog.IsLeaf(control),
        RequiresAttestation = false,
    };

    private sealed record CatalogView(ControlCatalog Catalog, IReadOnlyList<ResolvedControl> Controls)
    {
        public IReadOnlyList<Evidence.Core.Attestations.Attestation> Attestations { get; init; } = [];
    }
}
