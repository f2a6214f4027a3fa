using System.Text.Json.Nodes;
using Trilho.Compiler.Diff;

namespace Trilho.Compiler.Tests.Diff;

public class ReplacementCatalogTests
{
    private static readonly ReplacementCatalog Catalog = ReplacementCatalog.Default;

    [Theory]
    // CloudFormation reference, AWS::RDS::DBInstance: DBInstanceIdentifier "Update requires: Replacement",
    // Engine "Conditional", AllocatedStorage "No interruption"
    // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html).
    [InlineData("AWS::RDS::DBInstance", "DBInstanceIdentifier", ReplacementBehaviour.Yes)]
    [InlineData("AWS::RDS::DBInstance", "KmsKeyId", ReplacementBehaviour.Yes)]
    [InlineData("AWS::RDS::DBInstance", "Engine", ReplacementBehaviour.Maybe)]
    [InlineData("AWS::RDS::DBInstance", "AllocatedStorage", ReplacementBehaviour.No)]
    [InlineData("AWS::RDS::DBInstance", "EngineVersion", ReplacementBehaviour.No)]
    [InlineData("AWS::RDS::DBParameterGroup", "Family", ReplacementBehaviour.Yes)]
    [InlineData("AWS::Route53::HostedZone", "Name", ReplacementBehaviour.Yes)]
    [InlineData("AWS::S3::Bucket", "BucketName", ReplacementBehaviour.Yes)]
    [InlineData("AWS::S3::Bucket", "VersioningConfiguration", ReplacementBehaviour.No)]
    public void Top_level_properties_have_the_documented_behaviour(string type, string property, ReplacementBehaviour expected) =>
        Assert.Equal(expected, Catalog.Lookup(type, [property]));

    [Fact]
    public void Nested_paths_follow_lists_into_the_nested_types()
    {
        // AWS::DynamoDB::GlobalTable: GlobalSecondaryIndexes is updated in place, but the key schema of an index is
        // "Conditional" (changing it recreates the index).
        Assert.Equal(ReplacementBehaviour.Maybe, Catalog.Lookup("AWS::DynamoDB::GlobalTable", ["GlobalSecondaryIndexes", "0", "KeySchema", "1", "AttributeName"]));
        Assert.Equal(ReplacementBehaviour.No, Catalog.Lookup("AWS::DynamoDB::GlobalTable", ["GlobalSecondaryIndexes", "0", "IndexName"]));
        Assert.Equal(ReplacementBehaviour.No, Catalog.Lookup("AWS::DynamoDB::GlobalTable", ["GlobalSecondaryIndexes", "0"]));
    }

    [Fact]
    public void A_change_inside_a_property_that_replaces_replaces()
    {
        // ContainerDefinitions: "Update requires: Replacement"; so does any value inside it.
        Assert.Equal(ReplacementBehaviour.Yes, Catalog.Lookup("AWS::ECS::TaskDefinition", ["ContainerDefinitions", "0", "Environment", "1", "Value"]));
        Assert.Equal(ReplacementBehaviour.Yes, Catalog.Lookup("AWS::RDS::DBInstance", ["KmsKeyId", "Fn::GetAtt"]));
    }

    [Fact]
    public void Every_resource_type_is_known_and_an_unknown_one_is_maybe()
    {
        Assert.True(Catalog.Knows("AWS::CloudFront::Distribution"));
        Assert.True(Catalog.Knows("AWS::CloudWatch::Alarm"));
        Assert.False(Catalog.Knows("Custom::Thing"));
        Assert.Equal(ReplacementBehaviour.Maybe, Catalog.Lookup("Custom::Thing", ["Anything"]));
    }

    [Fact]
    public void The_data_names_its_source_version_and_the_command_that_refreshes_it()
    {
        var file = JsonNode.Parse(File.ReadAllText(Repository.PathOf("src", "Compiler", "Diff", "replacement-data.json")))!;
        Assert.Equal(file["source"]!.GetValue<string>(), Catalog.Source);
        Assert.Matches(@"^@aws-cdk/aws-service-spec@\d+\.\d+\.\d+$", Catalog.Source);
        var refresh = file["refresh"]!.GetValue<string>();
        Assert.True(File.Exists(Repository.PathOf(refresh.Split(' ')[1].Split('/'))), refresh);
    }

    [Fact]
    public void Every_type_of_every_sample_template_is_in_the_data()
    {
        // The guard needs the type list: a template type the data does not know would be judged "maybe" everywhere.
        var approved = Repository.PathOf("tests", "Compiler.Emit.Tests", "Golden", "Cases");
        var types = Directory.GetFiles(approved, "*.template.json", SearchOption.AllDirectories)
            .SelectMany(f => (JsonNode.Parse(File.ReadAllText(f))!["Resources"] as JsonObject ?? []).Select(r => r.Value!["Type"]!.GetValue<string>()))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.True(Catalog.Knows(t), t));
    }

    [Fact]
    public void Every_stateful_type_is_a_real_resource_type_with_a_reason()
    {
        Assert.All(StatefulResources.All, s =>
        {
            Assert.True(Catalog.Knows(s.Key), s.Key);
            Assert.False(string.IsNullOrWhiteSpace(s.Value));
        });
    }
}
