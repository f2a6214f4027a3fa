using System.Globalization;
using System.Text.Json.Nodes;
using Trilho.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Trilho.Compiler.Loading;

/// <summary>Reads YAML into a <see cref="LoadedDocument"/>; syntax errors become diagnostics, never exceptions.</summary>
public static class YamlLoader
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> is the name diagnostics print.</summary>
    public static (LoadedDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) Load(string file, string text)
    {
        if (YamlPreflight.Check(file, text) is { } problem)
        {
            return (null, [problem]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var location = new SourceLocation(file, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column));

            // YamlDotNet refuses duplicate keys while building the tree; they deserve their own, clearer diagnostic.
            const string duplicate = "Duplicate key ";
            if (e.Message.StartsWith(duplicate, StringComparison.Ordinal))
            {
                return (null, [DiagnosticCatalog.DuplicateKey.Create(location, FirstLine(e.Message[duplicate.Length..]).Trim())]);
            }

            return (null, [DiagnosticCatalog.YamlSyntax.Create(location, FirstLine(e.InnerException?.Message ?? e.Message))]);
        }

        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet fails on some malformed input (a stray ':', a truncated flow mapping) with these instead of YamlException.
            return (null, [DiagnosticCatalog.YamlSyntax.Create(LastEventBefore(file, text), FirstLine(e.Message))]);
        }

        if (stream.Documents.Count > 1)
        {
            var start = stream.Documents[1].RootNode.Start;
            return (null, [DiagnosticCatalog.MultipleDocuments.Create(new SourceLocation(file, (int)start.Line, (int)start.Column))]);
        }

        var values = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var keys = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        var root = stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, string.Empty, file, values, keys, diagnostics);
        return (new LoadedDocument(file, root, values, keys), diagnostics);
    }

    private static JsonNode? Convert(YamlNode node, string pointer, string file, Dictionary<string, SourceLocation> values, Dictionary<string, SourceLocation> keys, List<Diagnostic> diagnostics)
    {
        values[pointer] = At(file, node.Start);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : keyNode.ToString();
                    var childPointer = $"{pointer}/{Escape(key)}";
                    if (obj.ContainsKey(key))
                    {
                        diagnostics.Add(DiagnosticCatalog.DuplicateKey.Create(At(file, keyNode.Start), key));
                        continue;
                    }

                    keys[childPointer] = At(file, keyNode.Start);
                    obj[key] = Convert(valueNode, childPointer, file, values, keys, diagnostics);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], $"{pointer}/{i}", file, values, keys, diagnostics));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    /// <summary>YAML 1.2 core schema for plain scalars: null, booleans, integers and floats; everything else (and anything quoted) is a string.</summary>
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }

    /// <summary>Where the parser was when the tree builder gave up: the start of the last event it produced.</summary>
    private static SourceLocation LastEventBefore(string file, string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.Start;
            }
        }
        catch (YamlException e)
        {
            last = e.Start;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Keep the last good position.
        }

        return new SourceLocation(file, Math.Max(1, (int)last.Line), Math.Max(1, (int)last.Column));
    }

    private static SourceLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }
}
