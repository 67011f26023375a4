namespace Evidence.Rendering.Model;

/// <summary>
/// Cloud results counted by state (as <see cref="EvidenceItemModel.State"/> names them): what the organisation
/// form keeps per rule, per account and rule, and per query instead of a model per source.
/// </summary>
internal sealed class ResultTally
{
    public int Sources { get; private set; }

    public int Passing { get; private set; }

    public int NoResources { get; private set; }

    public int NonCompliant { get; private set; }

    public int NoResourcesExpected { get; private set; }

    public int NotCollected { get; private set; }

    public int Stale { get; private set; }

    /// <summary>Results that fail the control: non-compliant, or no resources where some are required.</summary>
    public int Failing => NonCompliant + NoResourcesExpected;

    /// <summary>Whether every result passed or had nothing in scope.</summary>
    public bool AllPass => Passing + NoResources == Sources;

    public void Add(string state)
    {
        Sources++;
        switch (state)
        {
            case "compliant": Passing++; break;
            case "no-resources": NoResources++; break;
            case "non-compliant": NonCompliant++; break;
            case "no-resources-expected": NoResourcesExpected++; break;
            case "stale": Stale++; break;
            default: NotCollected++; break;
        }
    }
}
