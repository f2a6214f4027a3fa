using System.CommandLine;
using System.Text.Json.Nodes;
using Trilho.Compiler.Cli.Commands;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary><c>trilho plan-env</c>: a compiled environment's account, region and name prefix, for $GITHUB_OUTPUT.</summary>
internal sealed class PlanEnvCommand : TrilhoCommand
{
    private readonly Argument<string> _plan = new("out/env") { Description = "A compiled environment folder (holding deploy-plan.json), e.g. out/dev." };

    public PlanEnvCommand()
        : base("plan-env", "Print account=, region= (of the shared stack) and prefix= (<platform>-<env>, the start of every stack and role name) of a compiled environment, for $GITHUB_OUTPUT.")
    {
        Add(_plan);
    }

    protected override int Run(ParseResult result, TextWriter stdout, TextWriter stderr) => DeliveryFailures.Report(Name, stderr, () =>
    {
        var (plan, _) = DeployPlanFile.Read(result.GetRequiredValue(_plan));
        var prefix = $"{DeployPlanFile.Text(plan, "platform")}-{DeployPlanFile.Text(plan, "environment")}";
        var shared = ((JsonArray)plan["steps"]!).FirstOrDefault(s => DeployPlanFile.Text(s, "stack") == $"{prefix}-shared")
            ?? throw new DeliveryException($"the plan has no {prefix}-shared stack");
        stdout.WriteLine($"account={DeployPlanFile.Text(plan, "account")}");
        stdout.WriteLine($"region={DeployPlanFile.Text(shared, "region")}");
        stdout.WriteLine($"prefix={prefix}");
    });
}
