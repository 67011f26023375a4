namespace Evidence.Collectors.Aws.Collection;

/// <summary>A Config rule as deployed in an account and region: its name and, where the API tells, the managed-rule identifier and the account from its ARN.</summary>
internal sealed record DeployedRule(string Name, string? Identifier, string? Account);
