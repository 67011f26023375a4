using Evidence.Core.Collection;
using Evidence.Core.Loading;
using Evidence.Testing;

namespace Evidence.Core.Tests.Collection;

public sealed class CollectionPlannerTests
{
    private static readonly LoadedWorkspace Sample = WorkspaceLoader.Load(RepositoryPaths.AcmeHealth, verifyHashes: false);

    [Fact]
    public void ThePlanHoldsOneTaskPerQueryAndSourceThatTheCommittedRunAnswers()
    {
        var plan = CollectionPlanner.Plan(Sample);

        var committed = Sample.Runs.Single(r => r.RunId == Evidence.Testing.SampleRun.SampleScenario.RunId).Items.Select(i => (i.Id, i.QueryKey, i.Source)).ToList();
        Assert.Equal(committed, plan.Select(t => (t.ItemId, t.Query.Key, t.Source)).ToList());
    }

    [Fact]
    public void FilteringKeepsTheIdsOfTheFullPlan()
    {
        var full = CollectionPlanner.Plan(Sample).ToDictionary(t => t.ItemId, t => t.Query.Key);

        var azure = CollectionPlanner.Plan(Sample, new CollectionFilter(new HashSet<string> { "azure" }, Citations: []));

        Assert.NotEmpty(azure);
        Assert.All(azure, t => Assert.Equal("azure", t.Source.Cloud));
        Assert.All(azure, t => Assert.Equal(full[t.ItemId], t.Query.Key));
    }

    [Fact]
    public void OnlyACitationKeepsTheQueriesThatControlNeeds()
    {
        var plan = CollectionPlanner.Plan(Sample, new CollectionFilter(new HashSet<string>(), ["164.312(d)"]));

        Assert.Contains(plan, t => t.Query.Key == "aws-config/MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS");
        Assert.DoesNotContain(plan, t => t.Query.Key == "aws-config/S3_BUCKET_SSL_REQUESTS_ONLY");
    }
}
