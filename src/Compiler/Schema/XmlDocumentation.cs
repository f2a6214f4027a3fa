using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Trilho.Compiler.Schema;

/// <summary>The summaries of the compiler's XML documentation file, the source of the schema's descriptions (the hover text in editors).</summary>
public sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, string> summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => this.summaries = summaries;

    /// <summary>Reads the documentation file that the build writes beside <paramref name="assembly"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing: the build did not generate or copy it.</exception>
    public static XmlDocumentation For(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the XML documentation of {assembly.GetName().Name} is missing beside it; build with GenerateDocumentationFile", path);
        }

        var summaries = XDocument.Load(path)
            .Descendants("member")
            .Where(m => m.Attribute("name") is not null && m.Element("summary") is not null)
            .ToDictionary(m => m.Attribute("name")!.Value, m => Clean(m.Element("summary")!.Value), StringComparer.Ordinal);
        return new XmlDocumentation(summaries);
    }

    /// <summary>The summary of a property, or null when it has none.</summary>
    public string? Of(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return summaries.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}");
    }

    /// <summary>The summary of a type, or null when it has none.</summary>
    public string? Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return summaries.GetValueOrDefault($"T:{type.FullName}");
    }

    private static string Clean(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
