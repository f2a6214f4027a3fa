using System.Text.RegularExpressions;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Emit.Tests.Wiring;

/// <summary>
/// A parameter's description tells whoever reads the template (or the console's parameter page) where its value comes
/// from; the stack graph derives it from the output it imports, so it names a stack and output that exist (issue 14).
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed partial class ParameterDescriptionTests(SynthesisFixture fixture)
{
    [Fact]
    public void Every_imported_parameter_names_the_stack_and_output_it_comes_from_and_that_output_exists_there()
    {
        var checkedParameters = 0;
        foreach (var plan in fixture.Cases.Values.SelectMany(r => r.Environments).Select(e => e.Plan))
        {
            var stacks = plan.Stacks.ToDictionary(s => s.StackName, StringComparer.Ordinal);
            foreach (var stack in plan.Stacks)
            {
                var template = Template.Of(stack);
                foreach (var (name, value) in stack.Parameters.Where(p => p.Value.FromStack is not null))
                {
                    var description = Description(template, name);
                    Assert.Contains($"output {value.Output} of stack {value.FromStack}", description, StringComparison.Ordinal);
                    Assert.True(stacks.TryGetValue(value.FromStack!, out var exporter), $"{stack.StackName}.{name} reads stack {value.FromStack}, not in the plan of {plan.Environment}");
                    Assert.Equal(exporter.Region, value.FromRegion);
                    Assert.Contains(value.Output!, Template.Of(exporter).OutputNames);
                    checkedParameters++;
                }
            }
        }

        // The sample alone wires dozens; a plan without imports would make this test vacuous.
        Assert.True(checkedParameters > 50, $"only {checkedParameters} imported parameters");
    }

    [Fact]
    public void Every_stack_a_parameter_description_names_is_in_the_same_environments_deploy_plan()
    {
        foreach (var plan in fixture.Cases.Values.SelectMany(r => r.Environments).Select(e => e.Plan))
        {
            var names = plan.Stacks.Select(s => s.StackName).ToHashSet(StringComparer.Ordinal);
            foreach (var stack in plan.Stacks)
            {
                var template = Template.Of(stack);
                foreach (var name in template.ParameterNames)
                {
                    var description = Description(template, name);

                    // "the load balancer stack", "its app stack": a stack described rather than named, which drifts.
                    Assert.DoesNotMatch(DescribedStack(), description);
                    foreach (Match named in NamedStack().Matches(description))
                    {
                        Assert.Contains(named.Groups[1].Value, names);
                    }
                }
            }
        }
    }

    private static string Description(Template template, string parameter) =>
        template.Root["Parameters"]![parameter]!["Description"]?.GetValue<string>() ?? string.Empty;

    [GeneratedRegex(@"\bstack ([a-z0-9]+(?:-[a-z0-9]+)+)")]
    private static partial Regex NamedStack();

    [GeneratedRegex(@"\b(the|its) [a-z][a-z ()]* stack\b")]
    private static partial Regex DescribedStack();
}
