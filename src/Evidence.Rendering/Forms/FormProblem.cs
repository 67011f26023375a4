namespace Evidence.Rendering.Forms;

/// <summary>Why a returned form cannot be read into attestations.</summary>
public enum FormProblem
{
    /// <summary>Not an Evidence form, not a Word file, or changed outside its fields.</summary>
    Altered,

    /// <summary>Unsigned, undated, or a result without its comment.</summary>
    Incomplete,
}
