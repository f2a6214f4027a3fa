using System.Text.Json.Serialization;

namespace Trilho.Compiler.Model;

/// <summary>How an app runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AppType>))]
public enum AppType
{
    /// <summary>A container on ECS Fargate behind the load balancer.</summary>
    [JsonStringEnumMemberName("api")] Api,

    /// <summary>Static files in S3 served by CloudFront.</summary>
    [JsonStringEnumMemberName("static")] Static,
}

/// <summary>Language of dashboards and alarm texts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Locale>))]
public enum Locale
{
    /// <summary>English.</summary>
    [JsonStringEnumMemberName("en")] En,

    /// <summary>Brazilian Portuguese.</summary>
    [JsonStringEnumMemberName("pt-BR")] PtBr,
}

/// <summary>Defaults for cost versus resilience.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Profile>))]
public enum Profile
{
    /// <summary>Cheapest setup that still works: for development.</summary>
    [JsonStringEnumMemberName("economy")] Economy,

    /// <summary>Survives the loss of an availability zone: for production.</summary>
    [JsonStringEnumMemberName("resilient")] Resilient,
}

/// <summary>How tasks in the private subnets reach the internet (docs/decisions/0017-economy-egress.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Egress>))]
public enum Egress
{
    /// <summary>A managed NAT gateway (one per NAT, highly available within its zone, nothing to patch).</summary>
    [JsonStringEnumMemberName("natGateway")] NatGateway,

    /// <summary>A t4g.nano EC2 instance doing NAT (a few dollars a month; a single instance that CloudFormation replaces on a new image).</summary>
    [JsonStringEnumMemberName("natInstance")] NatInstance,
}

/// <summary>Database engine.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatabaseEngine>))]
public enum DatabaseEngine
{
    /// <summary>Amazon RDS for PostgreSQL.</summary>
    [JsonStringEnumMemberName("postgres")] Postgres,
}

/// <summary>Database instance size.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatabaseSize>))]
public enum DatabaseSize
{
    /// <summary>db.t4g.micro: 2 vCPU (burstable), 1 GiB.</summary>
    [JsonStringEnumMemberName("micro")] Micro,

    /// <summary>db.t4g.small: 2 vCPU (burstable), 2 GiB.</summary>
    [JsonStringEnumMemberName("small")] Small,

    /// <summary>db.t4g.medium: 2 vCPU (burstable), 4 GiB.</summary>
    [JsonStringEnumMemberName("medium")] Medium,

    /// <summary>db.m7g.large: 2 vCPU, 8 GiB.</summary>
    [JsonStringEnumMemberName("large")] Large,

    /// <summary>db.m7g.xlarge: 4 vCPU, 16 GiB.</summary>
    [JsonStringEnumMemberName("xlarge")] XLarge,
}
