using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Trilho.Compiler.Monitoring.Tests.Scenarios.Evaluation;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Synthesis;

namespace Trilho.Compiler.Monitoring.Tests.Scenarios;

/// <summary>
/// What an environment's EMITTED templates (every stack of its deploy plan) say about alarms: metric and composite
/// alarms, the teams each action reaches (topic ARN parameter, followed through the deploy plan to the output and the
/// topic behind it, then the topic's e-mail subscriptions to the team with that e-mail), the alarms ECS watches to
/// roll a deployment back, and the operations dashboard's traffic lights.
/// <para>
/// Dimension values become symbols independent of the stack that reads them: a parameter is named after its source
/// in the deploy plan (<c>&lt;stack without the environment prefix&gt;.&lt;output&gt;</c>, e.g.
/// <c>shared.BackendTargetGroupFullName</c>), a value computed in the stack after the stack output that exports it,
/// a literal is itself.
/// </para>
/// </summary>
public sealed class EmittedMonitoring
{
    private const string AlarmsKey = "Alarms";
    private readonly DeployPlan plan;
    private readonly string prefix;
    private readonly IReadOnlyList<ResolvedTeam> teams;
    private readonly Dictionary<string, JsonObject> templates;

    public EmittedMonitoring(DeployPlan plan, IReadOnlyList<ResolvedTeam> teams)
    {
        this.plan = plan;
        this.teams = teams;
        prefix = $"{plan.Platform}-{plan.Environment}-";
        templates = plan.Stacks.ToDictionary(s => s.StackName, s => JsonNode.Parse(s.Template)!.AsObject(), StringComparer.Ordinal);
        Alarms = plan.Stacks.SelectMany(s => ReadAlarms(s.StackName)).ToList();
        RollbackAlarmsByStack = plan.Stacks.ToDictionary(
            s => Short(s.StackName),
            s => (IReadOnlyList<string>)Resources(s.StackName, "AWS::ECS::Service")
                .Select(r => r.Properties["DeploymentConfiguration"]?[AlarmsKey])
                .Where(a => a is not null && (bool?)a["Enable"] == true && (bool?)a["Rollback"] == true)
                .SelectMany(a => a!["AlarmNames"]!.AsArray().Select(n => (string)n!))
                .ToList(),
            StringComparer.Ordinal);
        RollbackAlarms = RollbackAlarmsByStack.Values.SelectMany(a => a).ToList();
    }

    /// <summary>The environment prefix of alarm names, e.g. <c>desafio-dev-</c>.</summary>
    public string Prefix => prefix;

    /// <summary>Every metric and composite alarm of every stack.</summary>
    public IReadOnlyList<AlarmDefinition> Alarms { get; }

    /// <summary>Alarms an ECS service watches during deployments with rollback on.</summary>
    public IReadOnlyList<string> RollbackAlarms { get; }

    /// <summary>
    /// The alarms the ECS services of each stack (name without the environment prefix, e.g. <c>app-orders</c>) roll
    /// back on: an api app's deployment watches only those of its own stack.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RollbackAlarmsByStack { get; }

    /// <summary>
    /// The operations dashboard's traffic light per app: the alarm widget in the row whose "who to call" text names
    /// the app (<c>**app**</c>), as alarm names.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TrafficLights()
    {
        var (_, body) = OperationsDashboard();
        var widgets = body["widgets"]!.AsArray().Select(w => w!.AsObject()).ToList();
        var lights = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var text in widgets.Where(w => (string?)w["type"] == "text"))
        {
            var markdown = (string?)text["properties"]?["markdown"] ?? string.Empty;
            var start = markdown.IndexOf("**", StringComparison.Ordinal);
            var end = start < 0 ? -1 : markdown.IndexOf("**", start + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            var app = markdown[(start + 2)..end];
            var light = widgets.SingleOrDefault(w => (string?)w["type"] == "alarm" && (int?)w["y"] == (int?)text["y"]);
            if (light is not null)
            {
                lights[app] = light["properties"]!["alarms"]!.AsArray().Select(a => AfterAlarm((string)a!)).ToList();
            }
        }

        return lights;
    }

    /// <summary>
    /// The operations dashboard's first availability figure of <paramref name="app"/> (the first single-value widget of
    /// its row): the expression and its inputs, dimension values as symbols.
    /// </summary>
    public (string Expression, IReadOnlyDictionary<string, MetricQuery> Inputs) Availability(string app)
    {
        var (stack, body) = OperationsDashboard();
        var widgets = body["widgets"]!.AsArray().Select(w => w!.AsObject()).ToList();
        var row = widgets.Single(w => (string?)w["type"] == "text" && ((string?)w["properties"]?["markdown"] ?? string.Empty).Contains($"**{app}**", StringComparison.Ordinal))["y"];
        var figure = widgets
            .Where(w => (int?)w["y"] == (int?)row && (string?)w["properties"]?["view"] == "singleValue")
            .OrderBy(w => (int?)w["x"])
            .First();
        string? expression = null;
        var inputs = new Dictionary<string, MetricQuery>(StringComparer.Ordinal);
        foreach (var line in figure["properties"]!["metrics"]!.AsArray().Select(l => l!.AsArray()))
        {
            var options = line[^1]!.AsObject();
            if (options["expression"] is { } e)
            {
                expression ??= (string)e!;
                continue;
            }

            var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 2; i + 1 < line.Count - 1; i += 2)
            {
                var value = (string)line[i + 1]!;
                dimensions[(string)line[i]!] = value.StartsWith("${", StringComparison.Ordinal) ? Source(stack, value[2..^1]) ?? value : value;
            }

            // A metric line without "stat" uses the dashboard default, Average.
            inputs[(string)options["id"]!] = new MetricQuery((string)line[0]!, (string)line[1]!, dimensions, (string?)options["stat"] ?? "Average", 1);
        }

        return (expression ?? throw new Xunit.Sdk.XunitException($"The availability figure of {app} has no expression"), inputs);
    }

    /// <summary>Every metric the alarms read, by key.</summary>
    public IEnumerable<string> MetricKeys =>
        Alarms.OfType<MetricAlarmDefinition>().SelectMany(a => a.Metrics).Select(m => m.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static string AfterAlarm(string arn)
    {
        var index = arn.IndexOf(":alarm:", StringComparison.Ordinal);
        return index < 0 ? arn : arn[(index + ":alarm:".Length)..];
    }

    private IEnumerable<(string Id, JsonObject Properties)> Resources(string stack, string type) =>
        (templates[stack]["Resources"]?.AsObject() ?? [])
            .Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => (r.Key, r.Value!["Properties"]?.AsObject() ?? []));

    private IEnumerable<AlarmDefinition> ReadAlarms(string stack)
    {
        foreach (var (_, p) in Resources(stack, "AWS::CloudWatch::Alarm"))
        {
            yield return ReadMetricAlarm(stack, p);
        }

        foreach (var (_, p) in Resources(stack, "AWS::CloudWatch::CompositeAlarm"))
        {
            yield return new CompositeAlarmDefinition((string)p["AlarmName"]!, stack, Teams(stack, p["AlarmActions"]), Teams(stack, p["OKActions"]), Render(stack, p["AlarmRule"]!));
        }
    }

    private MetricAlarmDefinition ReadMetricAlarm(string stack, JsonObject p)
    {
        var name = (string)p["AlarmName"]!;
        MetricQuery? metric = null;
        string? expression = null;
        var inputs = new Dictionary<string, MetricQuery>(StringComparer.Ordinal);
        int period;
        if (p["Metrics"] is JsonArray metrics)
        {
            var returned = metrics.Where(m => (bool?)m!["ReturnData"] != false).ToList();
            Assert.True(returned.Count == 1, $"{name}: exactly one query must return data");
            foreach (var query in metrics.Where(m => m!["MetricStat"] is not null))
            {
                var stat = query!["MetricStat"]!;
                inputs[(string)query["Id"]!] = Query(stack, stat["Metric"]!, (string)stat["Stat"]!, (int)stat["Period"]!);
            }

            if (returned[0]!["Expression"] is { } e)
            {
                expression = (string)e!;
                period = (int?)returned[0]!["Period"] ?? inputs.Values.Max(i => i.PeriodMinutes) * 60;
            }
            else
            {
                metric = inputs[(string)returned[0]!["Id"]!];
                inputs.Clear();
                period = metric.PeriodMinutes * 60;
            }
        }
        else
        {
            period = (int)p["Period"]!;
            metric = Query(stack, p, (string?)p["Statistic"] ?? (string)p["ExtendedStatistic"]!, period);
        }

        var evaluationPeriods = (int)p["EvaluationPeriods"]!;
        return new MetricAlarmDefinition(
            name,
            stack,
            Teams(stack, p["AlarmActions"]),
            Teams(stack, p["OKActions"]),
            (string)p["ComparisonOperator"]!,
            double.Parse(p["Threshold"]!.ToJsonString(), CultureInfo.InvariantCulture),
            evaluationPeriods,
            (int?)p["DatapointsToAlarm"] ?? evaluationPeriods,
            (string?)p["TreatMissingData"] ?? "missing",
            period / 60,
            metric,
            expression,
            inputs);
    }

    private MetricQuery Query(string stack, JsonNode metric, string statistic, int periodSeconds)
    {
        Assert.True(periodSeconds % 60 == 0, "scenarios model periods of whole minutes");
        var dimensions = (metric["Dimensions"]?.AsArray() ?? [])
            .ToDictionary(d => (string)d!["Name"]!, d => Symbol(stack, d!["Value"]!), StringComparer.Ordinal);
        return new MetricQuery((string)metric["Namespace"]!, (string)metric["MetricName"]!, dimensions, statistic, periodSeconds / 60);
    }

    /// <summary>The symbol of a dimension value (see the class summary).</summary>
    private string Symbol(string stack, JsonNode value)
    {
        if (value is JsonValue)
        {
            return (string)value!;
        }

        if (value["Ref"] is { } reference && Source(stack, (string)reference!) is { } source)
        {
            return source;
        }

        var outputs = templates[stack]["Outputs"]?.AsObject() ?? [];
        var exported = outputs.FirstOrDefault(o => JsonNode.DeepEquals(o.Value!["Value"], value));
        return exported.Key is null ? value.ToJsonString() : $"{Short(stack)}.{exported.Key}";
    }

    /// <summary>Where a parameter's value comes from, as a symbol; null when <paramref name="name"/> is not a parameter.</summary>
    private string? Source(string stack, string name)
    {
        var planned = plan.Stacks.Single(s => s.StackName == stack).Parameters.FirstOrDefault(p => p.Key == name);
        if (planned.Key is null)
        {
            return null;
        }

        var value = planned.Value;
        return value.Value ?? (value.FromStack is { } from ? $"{Short(from)}.{value.Output}" : $"{Short(stack)}.{name}");
    }

    private string Short(string stack) => stack.StartsWith(prefix, StringComparison.Ordinal) ? stack[prefix.Length..] : stack;

    /// <summary>The teams an action list reaches: each action is a topic of the stack or a parameter wired to one.</summary>
    private List<string> Teams(string stack, JsonNode? actions)
    {
        var result = new List<string>();
        foreach (var action in actions?.AsArray() ?? [])
        {
            var reference = (string?)action!["Ref"] ?? throw new Xunit.Sdk.XunitException($"{stack}: alarm action {action.ToJsonString()} is not a topic reference");
            var (topicStack, topic) = Topic(stack, reference);
            var endpoints = Resources(topicStack, "AWS::SNS::Subscription")
                .Where(s => (string?)s.Properties["TopicArn"]?["Ref"] == topic)
                .Select(s => (string)s.Properties["Endpoint"]!)
                .ToList();
            Assert.True(endpoints.Count > 0, $"{topicStack}: topic {topic} has no subscription, so its alarms reach no one");
            result.AddRange(endpoints.Select(e => teams.Single(t => string.Equals(t.Email, e, StringComparison.OrdinalIgnoreCase)).Id));
        }

        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    private (string Stack, string LogicalId) Topic(string stack, string reference)
    {
        var resources = templates[stack]["Resources"]!.AsObject();
        if (resources[reference] is { } resource)
        {
            Assert.Equal("AWS::SNS::Topic", (string?)resource["Type"]);
            return (stack, reference);
        }

        var planned = plan.Stacks.Single(s => s.StackName == stack).Parameters.Single(p => p.Key == reference).Value;
        var from = planned.FromStack ?? throw new Xunit.Sdk.XunitException($"{stack}: topic parameter {reference} does not come from a stack output");
        var output = templates[from]["Outputs"]![planned.Output!]!["Value"]!;
        return (from, (string)output["Ref"]!);
    }

    /// <summary>A Fn::Join or string as text; GetAtt Arn of an alarm becomes an ARN ending in its name, other tokens ${...}.</summary>
    private string Render(string stack, JsonNode node)
    {
        if (node is JsonValue)
        {
            return (string)node!;
        }

        var builder = new StringBuilder();
        foreach (var part in node["Fn::Join"]![1]!.AsArray())
        {
            builder.Append(part switch
            {
                JsonValue v => (string)v!,
                JsonObject o when o["Fn::GetAtt"] is JsonArray att && (string?)att[1] == "Arn" => $"arn:aws:cloudwatch:::alarm:{(string)templates[stack]["Resources"]![(string)att[0]!]!["Properties"]!["AlarmName"]!}",
                JsonObject o when o["Ref"] is { } r => (string)r! == "AWS::Partition" ? "aws" : "${" + (string)r! + "}",
                _ => "${" + part!.ToJsonString() + "}",
            });
        }

        return builder.ToString();
    }

    private (string Stack, JsonObject Body) OperationsDashboard()
    {
        var stack = plan.Stacks.Single(s => Resources(s.StackName, "AWS::CloudWatch::Dashboard").Any(r => r.Id == "OperationsDashboard")).StackName;
        var body = templates[stack]["Resources"]!["OperationsDashboard"]!["Properties"]!["DashboardBody"]!;
        return (stack, JsonNode.Parse(Render(stack, body))!.AsObject());
    }
}
