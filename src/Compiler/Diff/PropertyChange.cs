namespace Trilho.Compiler.Diff;

/// <summary>One changed value of a resource.</summary>
/// <param name="Path">Where, e.g. <c>DBInstanceIdentifier</c>, <c>LifecycleConfiguration.Rules[0].Status</c>, or a resource attribute such as <c>Type</c> or <c>DeletionPolicy</c>.</param>
/// <param name="Behaviour">What AWS documents for a change there.</param>
/// <param name="ReferencedResource">Set when the text did not change but the value refers (Ref, Fn::GetAtt, Fn::Sub) to a resource that is replaced: its value changes at deploy time.</param>
/// <param name="ReferencedMaybe">Whether <paramref name="ReferencedResource"/> is only possibly replaced.</param>
public sealed record PropertyChange(string Path, ReplacementBehaviour Behaviour, string? ReferencedResource = null, bool ReferencedMaybe = false)
{
    /// <summary>One line for the report, e.g. <c>DBInstanceIdentifier: replacement yes</c>.</summary>
    public override string ToString() => ReferencedResource is null
        ? $"{Path}: replacement {Text(Behaviour)}"
        : $"{Path}: replacement {Text(Behaviour)} ({Because})";

    /// <summary>Why a value whose text did not change changes, e.g. <c>refers to Key, which is replaced</c>.</summary>
    public string Because => $"refers to {ReferencedResource}, which {(ReferencedMaybe ? "may be" : "is")} replaced";

    /// <summary>yes, maybe or no.</summary>
    public static string Text(ReplacementBehaviour behaviour) => behaviour switch
    {
        ReplacementBehaviour.Yes => "yes",
        ReplacementBehaviour.Maybe => "maybe",
        _ => "no",
    };
}
