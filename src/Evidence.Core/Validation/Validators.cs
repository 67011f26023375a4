namespace Evidence.Core.Validation;

/// <summary>The one list of validators, run in this order on every load.</summary>
internal static class Validators
{
    public static IReadOnlyList<IWorkspaceValidator> All(bool verifyHashes) =>
    [
        new CatalogIntegrityValidator(),
        new SharedResponsibilityValidator(),
        new AssessorChecklistValidator(),
        new DuplicateIdValidator(),
        new RoleReferenceValidator(),
        new OverlayReferenceValidator(),
        new ControlOwnerValidator(),
        new QueryScopeValidator(),
        new ManualArtifactValidator(),
        new TemplateFolderValidator(),
        new RecordingsValidator(),
        new AddressableDecisionValidator(),
        new DelegateValidator(),
        new PlanReferenceValidator(),
        new DiagramValidator(),
        new AttestationValidator(),
        new SupersedeChainValidator(),
        new FindingsFileValidator(),
        new EvidenceManifestValidator(verifyHashes),
    ];
}
