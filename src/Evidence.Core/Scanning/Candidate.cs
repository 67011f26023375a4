namespace Evidence.Core.Scanning;

/// <summary>A value a detector has found and validated, before the allow list and positions are applied.</summary>
internal readonly record struct Candidate(string Kind, int Start, int Length)
{
    public int End => Start + Length;
}
