namespace Trilho.Compiler.Schema;

/// <summary>
/// Marks a field of an overridable section that is the same in every environment: the merge ignores an environment's
/// value for it, and validation reports one (the attribute names the diagnostic's reason in the docs).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class NotOverridableAttribute : Attribute;
