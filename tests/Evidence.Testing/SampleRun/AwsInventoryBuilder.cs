namespace Evidence.Testing.SampleRun;

/// <summary>Collects the resources of one AWS account and Region, giving each the id Config would report.</summary>
internal sealed class AwsInventoryBuilder(string account, string region)
{
    private readonly List<AwsResource> _resources = [];

    public IReadOnlyList<AwsResource> Resources => _resources;

    public AwsInventoryBuilder Add(string type, string id, string name, params (string Key, string Value)[] tags)
    {
        _resources.Add(new AwsResource(type, id, name) { Tags = tags.Select(t => KeyValuePair.Create(t.Key, t.Value)).ToList() });
        return this;
    }

    /// <summary>Resources whose Config id is their name.</summary>
    public AwsInventoryBuilder Named(string type, params string[] names)
    {
        foreach (var name in names)
        {
            Add(type, name, name);
        }

        return this;
    }

    public AwsInventoryBuilder Account(string name) => Add("AWS::::Account", account, name);

    /// <summary>S3 buckets tagged with their data classification and, unless <paramref name="tenant"/> is null, their tenant.</summary>
    public AwsInventoryBuilder Buckets(string classification, string? tenant, params string[] names)
    {
        foreach (var name in names)
        {
            Add("AWS::S3::Bucket", name, name, Tags(classification, tenant));
        }

        return this;
    }

    public AwsInventoryBuilder Table(string name, string classification, string? tenant) =>
        Add("AWS::DynamoDB::Table", name, name, Tags(classification, tenant));

    public static (string Key, string Value)[] Tags(string classification, string? tenant) =>
        tenant is null ? [("data-classification", classification)] : [("data-classification", classification), ("tenant", tenant)];

    /// <summary>EC2-family resources (instances, volumes, security groups, VPCs, subnets, route tables, gateways).</summary>
    public AwsInventoryBuilder Ec2(string type, string prefix, params string[] names)
    {
        foreach (var name in names)
        {
            Add(type, AwsIds.Ec2(prefix, account, region, name), name);
        }

        return this;
    }

    /// <summary>An EC2 instance with its root volume and the Systems Manager records Config keeps for it.</summary>
    public AwsInventoryBuilder Instance(string name)
    {
        var id = AwsIds.Ec2("i", account, region, name);
        Add("AWS::EC2::Instance", id, name);
        Add("AWS::EC2::Volume", AwsIds.Ec2("vol", account, region, name + "-root"), name + "-root");
        Add("AWS::SSM::AssociationCompliance", id, name);
        return Add("AWS::SSM::PatchCompliance", id, name);
    }

    public AwsInventoryBuilder SecurityGroup(string name, string? id = null) =>
        Add("AWS::EC2::SecurityGroup", id ?? AwsIds.Ec2("sg", account, region, name), name);

    public AwsInventoryBuilder Keys(params string[] aliases)
    {
        foreach (var alias in aliases)
        {
            Add("AWS::KMS::Key", AwsIds.KmsKey(account, region, alias), "alias/" + alias);
        }

        return this;
    }

    public AwsInventoryBuilder MultiRegionKeys(params string[] aliases)
    {
        foreach (var alias in aliases)
        {
            Add("AWS::KMS::Key", AwsIds.MultiRegionKey(account, alias), "alias/" + alias);
        }

        return this;
    }

    public AwsInventoryBuilder LoadBalancers(params string[] names)
    {
        foreach (var name in names)
        {
            Add("AWS::ElasticLoadBalancingV2::LoadBalancer", AwsIds.LoadBalancerV2(account, region, name), name);
        }

        return this;
    }

    public AwsInventoryBuilder Certificates(params string[] domains)
    {
        foreach (var domain in domains)
        {
            Add("AWS::ACM::Certificate", AwsIds.Certificate(account, region, domain), domain);
        }

        return this;
    }

    public AwsInventoryBuilder Secrets(params string[] names)
    {
        foreach (var name in names)
        {
            Add("AWS::SecretsManager::Secret", AwsIds.Secret(account, region, name), name);
        }

        return this;
    }

    public AwsInventoryBuilder Topics(params string[] names)
    {
        foreach (var name in names)
        {
            Add("AWS::SNS::Topic", AwsIds.Topic(account, region, name), name);
        }

        return this;
    }

    public AwsInventoryBuilder TaskDefinitions(params string[] familyAndRevisions)
    {
        foreach (var name in familyAndRevisions)
        {
            Add("AWS::ECS::TaskDefinition", AwsIds.TaskDefinition(account, region, name), name);
        }

        return this;
    }

    public AwsInventoryBuilder Backups(string vault, string[] plans, params string[] recoveryPoints)
    {
        Add("AWS::Backup::BackupVault", vault, vault);
        foreach (var plan in plans)
        {
            Add("AWS::Backup::BackupPlan", AwsIds.BackupPlan(account, region, plan), plan);
        }

        foreach (var point in recoveryPoints)
        {
            Add("AWS::Backup::RecoveryPoint", AwsIds.RecoveryPoint(account, region, point), point);
        }

        return this;
    }

    /// <summary>A VPC with its subnets, route tables and internet gateway.</summary>
    public AwsInventoryBuilder Network(string vpc, string[] subnets, string[] routeTables)
    {
        Ec2("AWS::EC2::VPC", "vpc", vpc);
        Ec2("AWS::EC2::Subnet", "subnet", subnets.Select(s => $"{vpc}-{s}").ToArray());
        Ec2("AWS::EC2::RouteTable", "rtb", routeTables.Select(r => $"{vpc}-{r}").ToArray());
        Ec2("AWS::EC2::InternetGateway", "igw", $"{vpc}-igw");
        return SecurityGroup("default");
    }
}
