using System.Globalization;
using System.Text;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>Names of monitoring stacks, parameters, alarms and topics. Logical IDs and names derive from platform.yaml ids so they stay stable.</summary>
public static class MonitoringNames
{
    /// <summary>The region where CloudFront and Route 53 health checks publish metrics: <see cref="Synthesis.Regions.Global"/>.</summary>
    public const string EdgeRegion = Synthesis.Regions.Global;

    /// <summary>Parameter: full name of the shared load balancer (<c>app/name/id</c>).</summary>
    public const string LoadBalancerFullName = "LoadBalancerFullName";

    /// <summary>Parameter: name of the ECS cluster.</summary>
    public const string ClusterName = "ClusterName";

    /// <summary>Parameter: identifier of the RDS instance.</summary>
    public const string DatabaseInstanceId = "DatabaseInstanceId";

    /// <summary>Parameter: public host name when platform.yaml has no domain (the distribution's domain name).</summary>
    public const string PublicHostName = "PublicHostName";

    /// <summary>Name of the regional monitoring stack.</summary>
    public static string RegionalStack(ResolvedEnvironment environment) => $"{environment.StackPrefix}-monitoring";

    /// <summary>
    /// Name of the regional monitoring stack of one api app (its alarms and composites). <c>-app-</c> keeps it apart
    /// from <see cref="EdgeStack"/> whatever the app id, e.g. an app called <c>edge</c>.
    /// </summary>
    public static string AppStack(ResolvedEnvironment environment, string appId) => $"{environment.StackPrefix}-monitoring-app-{appId}";

    /// <summary>Name of the us-east-1 monitoring stack of one app (its health check and edge alarms).</summary>
    public static string EdgeAppStack(ResolvedEnvironment environment, string appId) => $"{environment.StackPrefix}-monitoring-edge-app-{appId}";

    /// <summary>Output of the regional (or edge) monitoring stack and parameter of the app monitoring stacks of that region: ARN of a team's alarm topic.</summary>
    public static string TopicArn(string teamId) => Pascal(teamId) + "AlarmTopicArn";

    /// <summary>Name of the us-east-1 monitoring stack.</summary>
    public static string EdgeStack(ResolvedEnvironment environment) => $"{environment.StackPrefix}-monitoring-edge";

    /// <summary>Parameter: full name of an api app's target group.</summary>
    public static string TargetGroupFullName(string appId) => Pascal(appId) + "TargetGroupFullName";

    /// <summary>Parameter: name of an api app's ECS service.</summary>
    public static string ServiceName(string appId) => Pascal(appId) + "ServiceName";

    /// <summary>Parameter of the regional stack and output of the app's edge monitoring stack: id of an app's Route 53 health check.</summary>
    public static string HealthCheckId(string appId) => Pascal(appId) + "HealthCheckId";

    /// <summary>A platform.yaml id in PascalCase, for logical IDs: <c>my-api</c> becomes <c>MyApi</c> (<see cref="EmitNames.Pascal"/>).</summary>
    public static string Pascal(string id) => EmitNames.Pascal(id);

    /// <summary>A PascalCase word list in kebab case: <c>ErrorBudgetFastBurn</c> becomes <c>error-budget-fast-burn</c>.</summary>
    public static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsAsciiLetterUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>The CloudWatch name of an app's alarm; edge alarms get their own infix so both stacks may share a region.</summary>
    public static string Alarm(ResolvedEnvironment environment, string appId, string kind, bool edge = false) =>
        $"{environment.StackPrefix}-{appId}-{(edge ? "edge-" : string.Empty)}{Kebab(kind)}";

    /// <summary>The CloudWatch name of a database alarm.</summary>
    public static string DatabaseAlarm(ResolvedEnvironment environment, string kind) =>
        $"{environment.StackPrefix}-{Kebab(kind)}";

    /// <summary>The SNS topic name of a team in one of the stacks.</summary>
    public static string Topic(ResolvedEnvironment environment, string teamId, bool edge) =>
        $"{environment.StackPrefix}-{teamId}-alarms{(edge ? "-edge" : string.Empty)}";
}
