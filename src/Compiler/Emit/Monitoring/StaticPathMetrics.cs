using System.Globalization;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Monitoring;

/// <summary>
/// Per-path metrics of a static app, published by metric filters on the edge access logs (CloudFront standard logging
/// v2 to CloudWatch Logs, <see cref="EdgeLogs"/>): the distribution's own metrics have no path dimension, so they count
/// every app behind it (ADR 0011). One definition serves the filters (<see cref="Filters"/>) and the alarms that read
/// them, so both name the same metric. Values are counts of log records; a filter publishes 0 for a record it does not
/// match, so a minute with traffic but no error reads 0, not "no data".
/// </summary>
/// <param name="Namespace">Namespace of the environment's edge log metrics.</param>
/// <param name="AppId">The static app.</param>
/// <param name="Path">Its path, e.g. <c>/frontend</c>.</param>
public sealed record StaticPathMetrics(string Namespace, string AppId, string Path)
{
    /// <summary>Log record fields the delivery writes (CloudFront standard log field names), in this order.</summary>
    public static readonly IReadOnlyList<string> RecordFields =
    [
        "date", "time", "cs-method", "cs-uri-stem", "sc-status", "x-edge-result-type", "x-edge-detailed-result-type",
        "time-taken", "sc-bytes", "x-edge-location", "c-ip", "cs(User-Agent)", "x-edge-request-id",
    ];

    /// <summary>Fewest requests in a period for a not-found share to count: a bot's few probes of a quiet app page no one.</summary>
    public const int MinimumRequestsForNotFound = 20;

    /// <summary>Share of the path's requests answered 404 above which its files are taken as missing, in percent.</summary>
    public const double NotFoundPercentThreshold = 10;

    /// <summary>Period of the not-found alarm; it fires after <see cref="NotFoundPeriods"/> such periods.</summary>
    public static readonly TimeSpan NotFoundPeriod = TimeSpan.FromMinutes(5);

    /// <summary>Periods in a row the not-found share must stay above the threshold.</summary>
    public const int NotFoundPeriods = 2;

    /// <summary>The namespace of an environment's edge log metrics.</summary>
    public static string NamespaceOf(ResolvedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return $"Trilho/{environment.StackPrefix}/EdgeLogs";
    }

    /// <summary>The metrics of <paramref name="app"/> in <paramref name="environment"/>.</summary>
    public static StaticPathMetrics For(ResolvedEnvironment environment, ResolvedApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new(NamespaceOf(environment), app.Id, app.Path);
    }

    /// <summary>Name of the metric counting every request at the path.</summary>
    public string RequestsName => EmitNames.Pascal(AppId) + "Requests";

    /// <summary>Name of the metric counting 5xx answers at the path.</summary>
    public string ServerErrorsName => EmitNames.Pascal(AppId) + "ServerErrors";

    /// <summary>Name of the metric counting 404 answers at the path (files missing: see <see cref="Filters"/>).</summary>
    public string NotFoundName => EmitNames.Pascal(AppId) + "NotFound";

    /// <summary>
    /// The metric filters: (metric name, filter pattern). The path matches <c>/p</c> and everything under <c>/p/</c>,
    /// the same requests the app's cache behaviors (<c>/p</c>, <c>/p/*</c>) route to its bucket. 404, not 403, is
    /// "not found": the bucket policy lets the distribution list the bucket, so S3 answers 404 for a missing object
    /// (ADR 0011); 403 stays what the web ACL answers to blocked requests, which are not the app's fault. The status
    /// is compared as a number and as text because the JSON output's type for it is documented nowhere.
    /// </summary>
    public IReadOnlyList<(string MetricName, string Pattern)> Filters()
    {
        var path = $"($.cs-uri-stem = \"{Path}\" || $.cs-uri-stem = \"{Path}/*\")";
        return
        [
            (RequestsName, $"{{ {path} }}"),
            (ServerErrorsName, $"{{ {path} && ($.sc-status >= 500 || $.sc-status = \"5*\") }}"),
            (NotFoundName, $"{{ {path} && ($.sc-status = 404 || $.sc-status = \"404\") }}"),
        ];
    }

    /// <summary>Requests at the path in a period.</summary>
    public MetricSpec Requests(TimeSpan period, string? label = null) => Count(RequestsName, period, label);

    /// <summary>5xx answers at the path in percent of its requests; 0 without traffic.</summary>
    public MathSpec ErrorPercent(TimeSpan period, string? label = null) => new(
        "IF(FILL(requests, 0) > 0, 100 * FILL(errors, 0) / FILL(requests, 0), 0)",
        [new("requests", Requests(period)), new("errors", Count(ServerErrorsName, period, null))],
        period,
        label);

    /// <summary>Availability at the path in percent (100 minus the 5xx share); 100 without traffic.</summary>
    public MathSpec AvailabilityPercent(TimeSpan period, string label) => new(
        "IF(FILL(requests, 0) > 0, 100 - 100 * FILL(errors, 0) / FILL(requests, 0), 100)",
        [new("requests", Requests(period)), new("errors", Count(ServerErrorsName, period, null))],
        period,
        label);

    /// <summary>404 answers in percent of the path's requests, 0 below <see cref="MinimumRequestsForNotFound"/> requests.</summary>
    public MathSpec NotFoundPercent(TimeSpan period, string? label = null) => new(
        string.Create(CultureInfo.InvariantCulture, $"IF(FILL(requests, 0) >= {MinimumRequestsForNotFound}, 100 * FILL(missing, 0) / FILL(requests, 0), 0)"),
        [new("requests", Requests(period)), new("missing", Count(NotFoundName, period, null))],
        period,
        label);

    private MetricSpec Count(string name, TimeSpan period, string? label) =>
        new(Namespace, name, [], "Sum", period, MonitoringNames.EdgeRegion, label);
}
