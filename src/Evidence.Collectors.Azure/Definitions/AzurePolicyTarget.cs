namespace Evidence.Collectors.Azure.Definitions;

/// <summary>What an Azure Policy query filters policy states by.</summary>
public enum AzurePolicyTarget
{
    Definition,
    SetDefinition,
    Assignment,
}
