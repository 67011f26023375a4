using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;

namespace Evidence.Core.Validation;

/// <summary>One rule a loaded workspace must follow. Returns what is wrong; never throws for bad input.</summary>
internal interface IWorkspaceValidator
{
    IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded);
}
