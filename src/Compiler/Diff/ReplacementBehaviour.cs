namespace Trilho.Compiler.Diff;

/// <summary>
/// Whether AWS documents a property change as requiring replacement of the resource, as
/// <c>@aws-cdk/aws-service-spec</c> records it (<c>causesReplacement</c>); ordered so the larger value wins.
/// </summary>
public enum ReplacementBehaviour
{
    /// <summary>Updated in place ("No interruption" or "Some interruptions" in the CloudFormation docs).</summary>
    No,

    /// <summary>Replaced in some cases only ("Conditional" in the CloudFormation docs), or a value that depends on a replaced resource.</summary>
    Maybe,

    /// <summary>Always replaced ("Replacement" in the CloudFormation docs): a new resource is created and the old one deleted.</summary>
    Yes,
}
