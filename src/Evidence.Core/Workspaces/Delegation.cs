using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Workspaces;

/// <summary>
/// A person allowed to attest on someone else's behalf (<c>settings.delegates</c>): every control that
/// <see cref="For"/> (a person id or a role id) may attest, until <see cref="Until"/> if given.
/// </summary>
public sealed record Delegation(Scalar Person, Scalar For, DateTimeOffset? Until, SourceLocation Location);
