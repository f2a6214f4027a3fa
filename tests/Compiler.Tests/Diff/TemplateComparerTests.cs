using System.Text.Json.Nodes;
using Trilho.Compiler.Diff;

namespace Trilho.Compiler.Tests.Diff;

public class TemplateComparerTests
{
    private static readonly TemplateComparer Comparer = new(ReplacementCatalog.Default);

    private static JsonObject Template(string resources) => (JsonObject)JsonNode.Parse("{\"Resources\":{" + resources + "}}")!;

    private static ResourceChange Single(IReadOnlyList<ResourceChange> changes, string logicalId) => changes.Single(c => c.LogicalId == logicalId);

    [Fact]
    public void A_property_that_causes_replacement_replaces_and_names_the_property()
    {
        var changes = Comparer.Compare("s", Template("""
            "Db":{"Type":"AWS::RDS::DBInstance","Properties":{"DBInstanceIdentifier":"a","AllocatedStorage":"20"}}
            """), Template("""
            "Db":{"Type":"AWS::RDS::DBInstance","Properties":{"DBInstanceIdentifier":"b","AllocatedStorage":"40"}}
            """));

        var db = Single(changes, "Db");
        Assert.Equal(ChangeKind.Replaced, db.Kind);
        Assert.Equal([new PropertyChange("AllocatedStorage", ReplacementBehaviour.No), new PropertyChange("DBInstanceIdentifier", ReplacementBehaviour.Yes)], db.Changes);
    }

    [Fact]
    public void A_nested_change_takes_the_behaviour_of_its_nested_property()
    {
        var before = Template("""
            "T":{"Type":"AWS::DynamoDB::GlobalTable","Properties":{"GlobalSecondaryIndexes":[{"IndexName":"i","KeySchema":[{"AttributeName":"a","KeyType":"HASH"}]}]}}
            """);
        var renamedIndex = Template("""
            "T":{"Type":"AWS::DynamoDB::GlobalTable","Properties":{"GlobalSecondaryIndexes":[{"IndexName":"j","KeySchema":[{"AttributeName":"a","KeyType":"HASH"}]}]}}
            """);
        var newKey = Template("""
            "T":{"Type":"AWS::DynamoDB::GlobalTable","Properties":{"GlobalSecondaryIndexes":[{"IndexName":"i","KeySchema":[{"AttributeName":"b","KeyType":"HASH"}]}]}}
            """);

        Assert.Equal(ChangeKind.Modified, Single(Comparer.Compare("s", before, renamedIndex), "T").Kind);
        var changed = Single(Comparer.Compare("s", before, newKey), "T");
        Assert.Equal(ChangeKind.MaybeReplaced, changed.Kind);
        Assert.Equal("GlobalSecondaryIndexes[0].KeySchema[0].AttributeName", Assert.Single(changed.Changes).Path);
    }

    [Fact]
    public void A_value_referring_to_a_replaced_resource_is_maybe_and_cascades()
    {
        // The subnet group is replaced (DBSubnetGroupName: Replacement). The database's DBSubnetGroupName text is
        // unchanged, but at deploy time its value is the new group's name, and that property replaces the instance:
        // "maybe", since the text alone cannot tell. The alarm refers to the database, possibly replaced in turn.
        var resources = """
            "Subnets":{"Type":"AWS::RDS::DBSubnetGroup","Properties":{"DBSubnetGroupName":"%NAME%","DBSubnetGroupDescription":"d","SubnetIds":["s-1"]}},
            "Db":{"Type":"AWS::RDS::DBInstance","Properties":{"DBSubnetGroupName":{"Ref":"Subnets"},"DBInstanceIdentifier":"db"}},
            "Alarm":{"Type":"AWS::CloudWatch::Alarm","Properties":{"AlarmDescription":{"Fn::Sub":"${Db} is slow"}}},
            "Other":{"Type":"AWS::CloudWatch::Alarm","Properties":{"AlarmDescription":"unrelated"}}
            """;
        var changes = Comparer.Compare("s", Template(resources.Replace("%NAME%", "old", StringComparison.Ordinal)), Template(resources.Replace("%NAME%", "new", StringComparison.Ordinal)));

        Assert.Equal(ChangeKind.Replaced, Single(changes, "Subnets").Kind);
        var db = Single(changes, "Db");
        Assert.Equal(ChangeKind.MaybeReplaced, db.Kind);
        Assert.Equal(new PropertyChange("DBSubnetGroupName", ReplacementBehaviour.Maybe, "Subnets"), Assert.Single(db.Changes));
        var alarm = Single(changes, "Alarm");
        Assert.Equal(ChangeKind.Modified, alarm.Kind);
        Assert.Equal(new PropertyChange("AlarmDescription", ReplacementBehaviour.No, "Db", ReferencedMaybe: true), Assert.Single(alarm.Changes));
        Assert.DoesNotContain(changes, c => c.LogicalId == "Other");
    }

    [Fact]
    public void A_changed_type_replaces_and_other_attributes_change_in_place()
    {
        var changes = Comparer.Compare("s", Template("""
            "A":{"Type":"AWS::SQS::Queue","Properties":{}},
            "B":{"Type":"AWS::S3::Bucket","DeletionPolicy":"Retain"}
            """), Template("""
            "A":{"Type":"AWS::SNS::Topic","Properties":{}},
            "B":{"Type":"AWS::S3::Bucket","DeletionPolicy":"Delete"}
            """));

        Assert.Equal(new PropertyChange("Type", ReplacementBehaviour.Yes), Assert.Single(Single(changes, "A").Changes));
        Assert.Equal(ChangeKind.Modified, Single(changes, "B").Kind);
        Assert.Equal(new PropertyChange("DeletionPolicy", ReplacementBehaviour.No), Assert.Single(Single(changes, "B").Changes));
    }

    [Fact]
    public void Removed_and_added_resources_are_reported_and_a_missing_template_removes_everything()
    {
        var before = Template("""
            "Old":{"Type":"AWS::S3::Bucket"},"Kept":{"Type":"AWS::SNS::Topic"}
            """);
        var changes = Comparer.Compare("s", before, Template("""
            "Kept":{"Type":"AWS::SNS::Topic"},"New":{"Type":"AWS::S3::Bucket"}
            """));

        Assert.Equal([("Old", ChangeKind.Removed), ("New", ChangeKind.Added)], changes.Select(c => (c.LogicalId, c.Kind)));
        Assert.All(Comparer.Compare("s", before, null), c => Assert.Equal(ChangeKind.Removed, c.Kind));
    }
}
