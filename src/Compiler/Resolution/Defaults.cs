namespace Trilho.Compiler.Resolution;

/// <summary>Defaults that do not depend on the profile; docs/platform-yaml.md lists each one.</summary>
public static class Defaults
{
    /// <summary>Host under the domain when <c>ingress.host</c> is unset.</summary>
    public const string Host = "app";

    /// <summary>Container port of an api app.</summary>
    public const int Port = 8080;

    /// <summary>Fargate CPU units per task.</summary>
    public const int Cpu = 256;

    /// <summary>Fargate memory per task in MiB.</summary>
    public const int Memory = 512;

    /// <summary>Average CPU percent the service keeps.</summary>
    public const int CpuPercent = 60;

    /// <summary>Requests per task per minute the service keeps.</summary>
    public const int RequestsPerTask = 500;

    /// <summary>Content-Security-Policy of static apps: everything from the app's own public name, no plugins, no framing by other sites.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'";

    /// <summary>Availability SLO in percent.</summary>
    public const double Availability = 99.5;

    /// <summary>p95 latency SLO of api apps in milliseconds.</summary>
    public const int LatencyP95Ms = 1000;

    /// <summary>PostgreSQL major version.</summary>
    public const string DatabaseVersion = "16";

    /// <summary>Name of the database under the private zone.</summary>
    public const string DatabaseHostname = "db";

    /// <summary>Allocated database storage in GiB.</summary>
    public const int DatabaseStorageGiB = 20;

    /// <summary>Name of the database inside the instance, given to apps as DB_NAME.</summary>
    public const string DatabaseName = "app";

    /// <summary>CIDR of the VPC; /16 leaves room for /20 subnets in three tiers and several zones.</summary>
    public const string VpcCidr = "10.0.0.0/16";

    /// <summary>Suffix of the health check path when <c>healthCheck</c> is unset.</summary>
    public const string HealthCheckSuffix = "/health";
}
