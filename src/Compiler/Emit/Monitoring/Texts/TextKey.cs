namespace Trilho.Compiler.Emit.Monitoring.Texts;

/// <summary>Every built-in text of alarms and dashboards; each locale's table must define all of them.</summary>
public enum TextKey
{
    /// <summary>Decimal separator of numbers shown to people.</summary>
    DecimalSeparator,

    /// <summary>Word in the operations dashboard name (letters, digits and dashes only).</summary>
    OperationsDashboardWord,

    /// <summary>Word in a team's technical dashboard name (letters, digits and dashes only).</summary>
    TechnicalDashboardWord,

    /// <summary>Operations dashboard heading. {0} platform, {1} environment.</summary>
    OperationsTitle,

    /// <summary>Operations dashboard legend: what each colour means.</summary>
    OperationsLegend,

    /// <summary>Heading of an app row. {0} app id, {1} path.</summary>
    AppHeading,

    /// <summary>Label before the team name.</summary>
    TeamLabel,

    /// <summary>Label before the phone number.</summary>
    PhoneLabel,

    /// <summary>Label before the e-mail address.</summary>
    EmailLabel,

    /// <summary>Shown when a team has no phone.</summary>
    NoPhone,

    /// <summary>Instruction under the contacts.</summary>
    WhenRedCall,

    /// <summary>Title of the traffic light. {0} app id.</summary>
    TrafficLightTitle,

    /// <summary>Title of availability over 24 hours. {0} target in percent.</summary>
    Availability24hTitle,

    /// <summary>Title of availability over 30 days. {0} target in percent.</summary>
    Availability30dTitle,

    /// <summary>Series label of availability.</summary>
    AvailabilityLabel,

    /// <summary>Series label of the error budget left.</summary>
    ErrorBudgetLeftLabel,

    /// <summary>Title of the requests and latency graph of an api app.</summary>
    TrafficApiTitle,

    /// <summary>Title of the requests and errors graph of a static app.</summary>
    TrafficStaticTitle,

    /// <summary>Series label of requests.</summary>
    RequestsLabel,

    /// <summary>Series label of p95 latency.</summary>
    LatencyP95Label,

    /// <summary>Annotation label of the latency target. {0} milliseconds.</summary>
    LatencyTargetLabel,

    /// <summary>Series label of the error rate.</summary>
    ErrorRateLabel,

    /// <summary>Annotation label of the error budget. {0} percent.</summary>
    ErrorTargetLabel,

    /// <summary>Technical dashboard heading. {0} team name.</summary>
    TechnicalTitle,

    /// <summary>Title of the alarm list of a team.</summary>
    TeamAlarmsTitle,

    /// <summary>Title of the error rate graph with burn-rate thresholds. {0} app id.</summary>
    ErrorRateTitle,

    /// <summary>Annotation label of the fast-burn threshold. {0} burn rate.</summary>
    FastBurnLabel,

    /// <summary>Annotation label of the slow-burn threshold. {0} burn rate.</summary>
    SlowBurnLabel,

    /// <summary>Title of the latency graph. {0} app id.</summary>
    LatencyTitle,

    /// <summary>Title of the healthy and unhealthy tasks graph. {0} app id.</summary>
    TasksTitle,

    /// <summary>Series label of healthy tasks.</summary>
    HealthyLabel,

    /// <summary>Series label of unhealthy tasks.</summary>
    UnhealthyLabel,

    /// <summary>Title of the CPU and memory graph. {0} app id.</summary>
    SaturationTitle,

    /// <summary>Series label of CPU.</summary>
    CpuLabel,

    /// <summary>Series label of memory.</summary>
    MemoryLabel,

    /// <summary>Title of the external check graph. {0} app id.</summary>
    ExternalCheckTitle,

    /// <summary>Series label of the external check.</summary>
    ExternalCheckLabel,

    /// <summary>Heading of the database section.</summary>
    DatabaseHeading,

    /// <summary>Series label of database connections.</summary>
    ConnectionsLabel,

    /// <summary>Series label of free storage.</summary>
    FreeStorageLabel,

    /// <summary>Series label of freeable memory.</summary>
    FreeMemoryLabel,

    /// <summary>Layout of every alarm description. {0} what, {1} customer impact, {2} owner, {3} first step.</summary>
    DescriptionLayout,

    /// <summary>A team with e-mail and phone. {0} name, {1} e-mail, {2} phone.</summary>
    ContactWithPhone,

    /// <summary>A team with e-mail only. {0} name, {1} e-mail.</summary>
    ContactWithoutPhone,

    /// <summary>Window in hours. {0} hours.</summary>
    Hours,

    /// <summary>Window in minutes. {0} minutes.</summary>
    Minutes,

    /// <summary>A window alarm that only feeds a burn-rate alarm. {0} app, {1} window, {2} percent, {3} parent alarm name.</summary>
    WindowWhat,

    /// <summary>Impact of a window alarm.</summary>
    WindowImpact,

    /// <summary>Step of a window alarm.</summary>
    WindowStep,

    /// <summary>Fast burn. {0} app, {1} burn rate, {2} percent, {3} long window, {4} short window.</summary>
    FastBurnWhat,

    /// <summary>Impact of a fast burn.</summary>
    FastBurnImpact,

    /// <summary>First step on a fast burn.</summary>
    FastBurnStep,

    /// <summary>Slow burn. {0} app, {1} burn rate, {2} percent, {3} long window, {4} short window.</summary>
    SlowBurnWhat,

    /// <summary>Impact of a slow burn.</summary>
    SlowBurnImpact,

    /// <summary>First step on a slow burn.</summary>
    SlowBurnStep,

    /// <summary>Latency above the SLO. {0} app, {1} milliseconds.</summary>
    LatencyWhat,

    /// <summary>Impact of high latency.</summary>
    LatencyImpact,

    /// <summary>First step on high latency.</summary>
    LatencyStep,

    /// <summary>Unhealthy targets. {0} app.</summary>
    UnhealthyWhat,

    /// <summary>Impact of unhealthy targets.</summary>
    UnhealthyImpact,

    /// <summary>First step on unhealthy targets.</summary>
    UnhealthyStep,

    /// <summary>Healthy tasks below the minimum. {0} app, {1} minimum.</summary>
    TasksBelowMinimumWhat,

    /// <summary>Impact of too few tasks.</summary>
    TasksBelowMinimumImpact,

    /// <summary>First step on too few tasks.</summary>
    TasksBelowMinimumStep,

    /// <summary>CPU saturation. {0} app, {1} percent.</summary>
    CpuWhat,

    /// <summary>Memory saturation. {0} app, {1} percent.</summary>
    MemoryWhat,

    /// <summary>Impact of saturation.</summary>
    SaturationImpact,

    /// <summary>First step on saturation. {0} scale.max.</summary>
    SaturationStep,

    /// <summary>External check failing. {0} app, {1} URL.</summary>
    ExternalCheckWhat,

    /// <summary>Impact of a failing external check.</summary>
    ExternalCheckImpact,

    /// <summary>First step on a failing external check. {0} URL.</summary>
    ExternalCheckStep,

    /// <summary>Composite "customers affected" in the app's region. {0} app.</summary>
    CustomersAffectedWhat,

    /// <summary>Composite "customers affected" seen from the internet, with a static app's per-path alarms. {0} app.</summary>
    CustomersAffectedEdgeWhat,

    /// <summary>Composite "customers affected" seen from the internet, external check only. {0} app.</summary>
    CustomersAffectedCheckWhat,

    /// <summary>Added to a static app's external check: it fails until the first upload.</summary>
    ExternalCheckBeforeFirstUpload,

    /// <summary>Label of the 404 share at a static app's path.</summary>
    NotFoundLabel,

    /// <summary>Static app's files missing (404 share at its path). {0} app, {1} percent, {2} path, {3} minutes.</summary>
    FilesMissingWhat,

    /// <summary>Impact of a static app's files missing.</summary>
    FilesMissingImpact,

    /// <summary>First step on a static app's files missing. {0} folder of the app in its bucket.</summary>
    FilesMissingStep,

    /// <summary>Impact of customers affected.</summary>
    CustomersAffectedImpact,

    /// <summary>First step on customers affected: call the owner. {0} contact.</summary>
    CustomersAffectedStep,

    /// <summary>Release error alarm. {0} app, {1} percent.</summary>
    ReleaseErrorsWhat,

    /// <summary>Release latency alarm. {0} app, {1} milliseconds.</summary>
    ReleaseLatencyWhat,

    /// <summary>Impact of a bad release.</summary>
    ReleaseImpact,

    /// <summary>First step on a bad release.</summary>
    ReleaseStep,

    /// <summary>Database CPU. {0} percent.</summary>
    DatabaseCpuWhat,

    /// <summary>Database free storage low although storage autoscaling should have grown it. {0} GiB free, {1} GiB autoscaling maximum.</summary>
    DatabaseStorageWhat,

    /// <summary>Database connections high. {0} connections.</summary>
    DatabaseConnectionsWhat,

    /// <summary>Database freeable memory low. {0} MiB.</summary>
    DatabaseMemoryWhat,

    /// <summary>Impact of a database problem. {0} apps.</summary>
    DatabaseImpact,

    /// <summary>First step on a database CPU or connection problem.</summary>
    DatabaseLoadStep,

    /// <summary>First step on low database storage. {0} GiB autoscaling maximum, {1} times database.storageGiB.</summary>
    DatabaseStorageStep,

    /// <summary>First step on low database memory.</summary>
    DatabaseMemoryStep,
}
