namespace Trilho.Compiler.Schema;

/// <summary>
/// Marks a field whose default depends on the environment's profile: the merge fills it from the property of
/// <see cref="Resolution.ProfileDefaults"/> named here. Constant defaults use <see cref="System.ComponentModel.DefaultValueAttribute"/>.
/// </summary>
/// <param name="property">Name of the <see cref="Resolution.ProfileDefaults"/> property holding the default.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ProfileDefaultAttribute(string property) : Attribute
{
    /// <summary>Name of the <see cref="Resolution.ProfileDefaults"/> property holding the default.</summary>
    public string Property { get; } = property;
}
