namespace Evidence.Testing.SampleRun;

/// <summary>One policy definition's place in the initiative and what it evaluates; see <see cref="AzurePolicyProfiles"/>.</summary>
internal sealed record AzurePolicyProfile(string ReferenceId, string Action, string Version, string Kind, string Group);
