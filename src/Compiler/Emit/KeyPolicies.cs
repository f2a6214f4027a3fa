using Amazon.CDK.AWS.IAM;

namespace Trilho.Compiler.Emit;

/// <summary>Key policy statements every Trilho KMS key carries.</summary>
public static class KeyPolicies
{
    /// <summary>Only AWS services (RDS, CloudWatch Logs) may create grants on the key, so no one can quietly hand out its use.</summary>
    public static PolicyStatement GrantsOnlyForAwsServices() => new(new PolicyStatementProps
    {
        Sid = "GrantsOnlyForAwsServices",
        Effect = Effect.DENY,
        Principals = [new AnyPrincipal()],
        Actions = ["kms:CreateGrant"],
        Resources = ["*"],
        Conditions = new Dictionary<string, object>
        {
            ["BoolIfExists"] = new Dictionary<string, object>
            {
                ["kms:GrantIsForAWSResource"] = "false",
                ["aws:PrincipalIsAWSService"] = "false",
            },
        },
    });
}
