namespace Trilho.Compiler.Schema;

/// <summary>
/// Marks a property of <c>environments.&lt;id&gt;</c> that overrides the top-level property of the same name in that
/// environment. Objects keep their shape but nothing is required (only the fields to change are given). The schema
/// generator, the merge (<see cref="Resolution.SpecMerge"/>) and the validation's notion of "the same section" read it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class OverrideShapeAttribute : Attribute;
