using Amazon.CDK;
using Constructs;

namespace Trilho.Compiler.Emit;

/// <summary>
/// The shared stack's <c>DeletionProtection</c> parameter, which switches RDS and load balancer deletion protection.
/// A rollback of a failed first create must delete what it created: with protection on, RDS and ELB refuse the delete,
/// the stack ends in ROLLBACK_FAILED and the fixed database identifier blocks every retry. So <c>trilho deploy</c>
/// creates the stack with <c>false</c> and updates it to <c>true</c> right after the create succeeds; any other
/// deploy, and a plain <c>aws cloudformation deploy</c> that omits it, gets the default <c>true</c>.
/// </summary>
public sealed class DeletionProtection : Construct
{
    /// <summary>The parameter's name in the shared stack.</summary>
    public const string ParameterName = "DeletionProtection";

    private static readonly string[] Allowed = ["true", "false"];

    /// <summary>Declares the parameter and the condition that reads it.</summary>
    public DeletionProtection(Construct scope, string id)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        var parameter = new CfnParameter(stack, ParameterName, new CfnParameterProps
        {
            Type = "String",
            AllowedValues = Allowed,
            Default = "true",
            Description = "Deletion protection of the database and load balancer; false only during the stack's first create (trilho deploy turns it on right after)",
        });
        Text = parameter.ValueAsString;
        var on = new CfnCondition(stack, "DeletionProtectionOn", new CfnConditionProps { Expression = Fn.ConditionEquals(parameter.ValueAsString, "true") });
        Enabled = Fn.ConditionIf(on.LogicalId, true, false);
    }

    /// <summary>The parameter's value, <c>true</c> or <c>false</c>, for properties that take text.</summary>
    public string Text { get; }

    /// <summary>A boolean for properties that take one.</summary>
    public IResolvable Enabled { get; }
}
