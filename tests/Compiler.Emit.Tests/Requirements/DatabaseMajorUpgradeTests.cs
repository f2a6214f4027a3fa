using System.Text.Json.Nodes;

namespace Trilho.Compiler.Emit.Tests.Requirements;

/// <summary>
/// Review 1, finding 5: raising <c>database.version</c> to the next major (16 to 17) updates the instance in place.
/// CloudFormation's rule for the update (AWS::RDS::DBInstance, AllowMajorVersionUpgrade: "Major version upgrades must
/// be allowed when specifying a value for the EngineVersion parameter that is a different major version than the DB
/// instance's current version", https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html)
/// is applied to the two compiled templates, as the stack update would.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class DatabaseMajorUpgradeTests
{
    [Fact]
    public void Raising_the_major_version_updates_the_instance_in_place_with_a_new_parameter_group()
    {
        var before = Shared("16");
        var after = Shared("17");
        var (old, updated) = (before.Properties("AWS::RDS::DBInstance"), after.Properties("AWS::RDS::DBInstance"));

        Assert.Null(UpdateFailure(old, updated));
        // Same identifier: an update, not a replacement (a fixed name cannot be replaced).
        Assert.Equal(old["DBInstanceIdentifier"]!.GetValue<string>(), updated["DBInstanceIdentifier"]!.GetValue<string>());

        // RDS upgrades to 17 only with a parameter group of family postgres17; an unnamed group can be replaced.
        var (oldGroup, newGroup) = (before.Properties("AWS::RDS::DBParameterGroup"), after.Properties("AWS::RDS::DBParameterGroup"));
        Assert.Equal(("postgres16", "postgres17"), (oldGroup["Family"]!.GetValue<string>(), newGroup["Family"]!.GetValue<string>()));
        Assert.Null(newGroup["DBParameterGroupName"]);
    }

    [Fact]
    public void The_rule_fails_a_major_change_without_the_flag_and_passes_a_minor_one()
    {
        var sixteen = new JsonObject { ["EngineVersion"] = "16" };
        Assert.NotNull(UpdateFailure(sixteen, new JsonObject { ["EngineVersion"] = "17" }));
        Assert.Null(UpdateFailure(new JsonObject { ["EngineVersion"] = "16.3" }, new JsonObject { ["EngineVersion"] = "16.4" }));
        Assert.Null(UpdateFailure(sixteen, new JsonObject { ["EngineVersion"] = "17", ["AllowMajorVersionUpgrade"] = true }));
    }

    /// <summary>Why CloudFormation would fail the instance's update from <paramref name="old"/> to <paramref name="updated"/>, or null.</summary>
    private static string? UpdateFailure(JsonNode old, JsonNode updated)
    {
        static string Major(JsonNode properties) => properties["EngineVersion"]!.GetValue<string>().Split('.')[0];
        var allowed = updated["AllowMajorVersionUpgrade"]?.GetValue<bool>() ?? false;
        return Major(old) != Major(updated) && !allowed
            ? $"major version upgrade {Major(old)} -> {Major(updated)} without AllowMajorVersionUpgrade"
            : null;
    }

    private static Template Shared(string version)
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryPaths.GoldenCases, "two-apis-firewall-no-domain", "platform.yaml"));
        var yaml = source.SelectMany(line => line == "database:" ? [line, $"  version: \"{version}\""] : new[] { line });
        var path = Path.Combine(Path.GetTempPath(), $"trilho-major-{version}-{Guid.NewGuid():N}.yaml");
        File.WriteAllLines(path, yaml);
        try
        {
            var plan = SynthesisFixture.Synthesize(path).Environments.Single(e => e.Environment == "dev").Plan;
            return Template.Of(plan.Stacks.Single(s => s.StackName == $"{plan.Platform}-dev-shared"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
