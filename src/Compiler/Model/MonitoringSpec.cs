using Trilho.Compiler.Resolution;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Model;

/// <summary>Monitoring settings of one environment.</summary>
public sealed record MonitoringSpec
{
    /// <summary>Whether each team that owns an app (or receives the database's alarms) gets its own technical CloudWatch dashboard (`&lt;platform&gt;-&lt;env&gt;-&lt;team&gt;-tecnico`, about USD 3/month each). The operations dashboard (`&lt;platform&gt;-&lt;env&gt;-operacao`) and every alarm exist either way; without the team dashboards the technical view is each alarm's graph and CloudWatch's automatic service dashboards (ECS, ALB, RDS), which cost nothing. Default: off (`false`) in `economy`, on (`true`) in `resilient`.</summary>
    [ProfileDefault(nameof(ProfileDefaults.TeamDashboards))]
    public bool? TeamDashboards { get; init; }
}
