using Evidence.Core.Diagnostics;
using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Commands;

/// <summary>The --family, --owner and --status filters, checked up front so a typo is an error, not an empty table.</summary>
internal sealed class ControlFilter
{
    private readonly string? _family;
    private readonly string? _owner;
    private readonly ControlStatus? _status;

    public ControlFilter(string? family, string? owner, string? status, LoadedWorkspace loaded)
    {
        var families = loaded.Catalog.Controls.Select(c => c.Family).Concat(loaded.Catalog.Controls.Select(c => c.Section)).Distinct().ToList();
        if (family is not null && !families.Contains(family, StringComparer.OrdinalIgnoreCase))
        {
            throw UserException.Usage($"--family '{family}' is not a family or section{Suggestions.DidYouMean(family, families)}; use one of: {string.Join(", ", families)}");
        }

        var owners = (loaded.Workspace?.People.Select(p => p.Id) ?? []).Concat(loaded.Catalog.Roles.Select(r => r.Id)).ToList();
        if (owner is not null && !owners.Contains(owner))
        {
            throw UserException.Usage($"--owner '{owner}' is neither a person nor a role{Suggestions.DidYouMean(owner, owners)}");
        }

        if (status is not null)
        {
            _status = EnumNames.TryParse<ControlStatus>(status, out var parsed)
                ? parsed
                : throw UserException.Usage($"--status '{status}' is not a status{Suggestions.DidYouMean(status, EnumNames.All<ControlStatus>())}; use one of: {string.Join(", ", EnumNames.All<ControlStatus>())}");
        }

        _family = family;
        _owner = owner;
    }

    public bool Matches(ControlEvaluation evaluation)
    {
        var control = evaluation.Control;
        return (_family is null || string.Equals(control.Control.Family, _family, StringComparison.OrdinalIgnoreCase) || control.Control.Section == _family) &&
               (_owner is null || control.OwnerRef == _owner || control.Owners.Any(p => p.Id == _owner)) &&
               (_status is null || evaluation.Status == _status);
    }
}
