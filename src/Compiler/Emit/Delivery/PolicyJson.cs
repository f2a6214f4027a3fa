namespace Trilho.Compiler.Emit.Delivery;

/// <summary>
/// IAM policy documents as plain dictionaries for L1 resources: every action, resource and condition is
/// written out here, so what a role may do reads straight from this code and the template.
/// </summary>
internal static class PolicyJson
{
    public static Dictionary<string, object> Document(IEnumerable<object> statements) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = statements.ToArray(),
    };

    public static Dictionary<string, object> Allow(string sid, IEnumerable<string> actions, IEnumerable<string> resources, Dictionary<string, object>? condition = null) =>
        Statement("Allow", sid, actions, resources, condition);

    /// <summary>An explicit deny: no allow in any policy of the role can override it.</summary>
    public static Dictionary<string, object> Deny(string sid, IEnumerable<string> actions, IEnumerable<string> resources, Dictionary<string, object>? condition = null) =>
        Statement("Deny", sid, actions, resources, condition);

    public static Dictionary<string, object> Condition(string @operator, string key, params string[] values) => new()
    {
        [@operator] = new Dictionary<string, object> { [key] = values.Length == 1 ? values[0] : values },
    };

    private static Dictionary<string, object> Statement(string effect, string sid, IEnumerable<string> actions, IEnumerable<string> resources, Dictionary<string, object>? condition)
    {
        var statement = new Dictionary<string, object>
        {
            ["Sid"] = sid,
            ["Effect"] = effect,
            ["Action"] = actions.ToArray(),
            ["Resource"] = resources.ToArray(),
        };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }
}
