using Trilho.Compiler.Model;

namespace Trilho.Compiler.Schema;

/// <summary>
/// Marks an app field that only means something for one app type (e.g. <c>port</c> for api apps). Validation reports the
/// field on an app of the other type (TRL2009, TRL2030, TRL2045); its description must start with "api only:" or
/// "static only:" (checked by a test), which the reference docs show.
/// </summary>
/// <param name="type">The only app type the field applies to.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class AppliesToAttribute(AppType type) : Attribute
{
    /// <summary>The only app type the field applies to.</summary>
    public AppType Type { get; } = type;
}
