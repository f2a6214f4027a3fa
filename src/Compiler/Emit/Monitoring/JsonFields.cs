using System.Collections;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// A JSON object whose keys keep the order they were added in, written by <see cref="JsonText"/>. A null value
/// leaves the key out, as JSON.stringify does with undefined, so optional properties read like CDK's.
/// </summary>
internal sealed class JsonFields : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> fields = [];

    /// <summary>Appends <paramref name="key"/>; a null <paramref name="value"/> is left out when written.</summary>
    public void Add(string key, object? value) => fields.Add(new(key, value));

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
