namespace Trilho.Compiler.Schema;

/// <summary>Marks a property whose value overrides another section: same shape, but nothing is required (only the fields to change are given).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class OverrideShapeAttribute : Attribute;
