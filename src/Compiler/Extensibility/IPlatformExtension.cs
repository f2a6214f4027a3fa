namespace Trilho.Compiler.Extensibility;

/// <summary>
/// A team's own C# additions to what Trilho emits: extra constructs (e.g. a bucket) or adjustments
/// (tags, properties) on the stacks of one environment, without forking Trilho.
/// </summary>
/// <remarks>
/// Synthesis calls <see cref="Extend"/> once per environment, after every Trilho construct exists and before
/// the templates are written. Keep extensions deterministic: the same input must give byte-identical templates.
/// </remarks>
public interface IPlatformExtension
{
    /// <summary>Adds or adjusts constructs in the stacks of <see cref="ExtensionContext.Environment"/>.</summary>
    void Extend(ExtensionContext context);
}
