namespace Evidence.Core.Queries;

/// <summary>
/// What a piece of evidence can prove for one control. Primary evidence shows the specification is
/// met; supporting evidence shows something related (a gap in it counts against the control) but can
/// never satisfy the control on its own.
/// </summary>
public enum EvidenceRole
{
    Primary,
    Supporting,
}
