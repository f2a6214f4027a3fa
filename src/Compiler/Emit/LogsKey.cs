using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace Trilho.Compiler.Emit;

/// <summary>
/// The environment's KMS key for CloudWatch Logs: every log group (flow logs, database, apps) is encrypted with it.
/// It lives in the shared stack; app stacks receive its ARN as a parameter.
/// </summary>
public sealed class LogsKey : Construct
{
    /// <summary>Creates the key, with yearly rotation and a key policy that lets CloudWatch Logs of this account and region use it.</summary>
    public LogsKey(Construct scope, string id, string stackPrefix)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        Key = new Key(this, "Key", new KeyProps
        {
            Description = $"Encrypts the CloudWatch Logs of {stackPrefix}",
            EnableKeyRotation = true,
            // Deleting the key would make every retained log unreadable.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        Key.AddToResourcePolicy(KeyPolicies.GrantsOnlyForAwsServices());
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchLogsOfThisAccount",
            Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
            Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{Aws.PARTITION}:logs:{stack.Region}:{Aws.ACCOUNT_ID}:log-group:*",
                },
            },
        }));
    }

    /// <summary>The key.</summary>
    public Key Key { get; }
}
