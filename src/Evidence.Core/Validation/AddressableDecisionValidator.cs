using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Validation;

/// <summary>
/// An addressable specification that is not implemented as written needs a documented decision
/// (164.306(d)(3)); so does any control declared not applicable.
/// </summary>
internal sealed class AddressableDecisionValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        foreach (var overlay in loaded.Overlays)
        {
            var control = loaded.Catalog.Find(overlay.Control.Value);
            if (control is null || overlay.Status is not { } status)
            {
                continue;
            }

            var addressable = control.Designation == Designation.Addressable;
            if (status == ImplementationStatus.Alternative && !addressable)
            {
                yield return Problems.Error(overlay.StatusLocation, $"{control.Id} is not an addressable specification, so 'alternative' does not apply; required controls must be implemented as written");
                continue;
            }

            var needsDecision = status == ImplementationStatus.NotApplicable ||
                                (addressable && status is ImplementationStatus.Alternative or ImplementationStatus.NotImplemented);
            if (!needsDecision)
            {
                continue;
            }

            var what = status == ImplementationStatus.NotApplicable
                ? "a control marked not-applicable needs a 'decision' with the rationale, decided_by and decided_on"
                : $"{control.Id} is addressable and marked {Yaml.EnumNames.ToKebab(status)}: HIPAA asks for a documented decision; add 'decision' with the rationale, decided_by and decided_on";
            if (overlay.Decision is null)
            {
                yield return Problems.Error(overlay.StatusLocation, what);
            }
            else if (status == ImplementationStatus.Alternative && string.IsNullOrWhiteSpace(overlay.Decision.Alternative))
            {
                yield return Problems.Error(overlay.Decision.Location, $"the decision for {control.Id} needs 'alternative': the measure implemented instead");
            }
        }
    }
}
