namespace Trilho.Compiler.Costs;

/// <summary>Keys of the rows in <see cref="PriceCatalog"/>, so a typo is a compile error rather than a missing price.</summary>
public static class PriceKeys
{
    /// <summary>Fargate x86 vCPU-hour.</summary>
    public const string FargateVcpu = "fargate.vcpu";

    /// <summary>Fargate x86 GB-hour.</summary>
    public const string FargateMemory = "fargate.memory";

    /// <summary>EBS gp3 GB-month.</summary>
    public const string EbsGp3 = "ebs.gp3";

    /// <summary>ALB hour.</summary>
    public const string AlbHour = "alb.hour";

    /// <summary>ALB LCU-hour.</summary>
    public const string AlbLcu = "alb.lcu";

    /// <summary>NAT gateway hour.</summary>
    public const string NatHour = "nat.hour";

    /// <summary>NAT gateway GB processed.</summary>
    public const string NatGb = "nat.gb";

    /// <summary>Public IPv4 address hour.</summary>
    public const string PublicIpv4 = "vpc.ipv4";

    /// <summary>Interface endpoint hour per AZ.</summary>
    public const string EndpointHour = "vpce.hour";

    /// <summary>Interface endpoint GB processed.</summary>
    public const string EndpointGb = "vpce.gb";

    /// <summary>RDS backup GB-month beyond the free allowance.</summary>
    public const string RdsBackup = "rds.backup";

    /// <summary>Aurora Serverless v2 ACU-hour.</summary>
    public const string AuroraAcu = "aurora.acu";

    /// <summary>Aurora storage GB-month.</summary>
    public const string AuroraStorage = "aurora.storage";

    /// <summary>Aurora I/O per 1M requests.</summary>
    public const string AuroraIo = "aurora.io";

    /// <summary>CloudFront GB to viewers.</summary>
    public const string CloudFrontGb = "cloudfront.gb";

    /// <summary>CloudFront HTTPS per 10k requests.</summary>
    public const string CloudFrontHttps = "cloudfront.https";

    /// <summary>CloudFront Functions per 1M invocations.</summary>
    public const string CloudFrontFunction = "cloudfront.function";

    /// <summary>S3 Standard GB-month.</summary>
    public const string S3Storage = "s3.storage";

    /// <summary>S3 PUT per 1k.</summary>
    public const string S3Put = "s3.put";

    /// <summary>S3 GET per 1k.</summary>
    public const string S3Get = "s3.get";

    /// <summary>Route 53 hosted zone month.</summary>
    public const string Route53Zone = "route53.zone";

    /// <summary>Route 53 standard queries per 1M.</summary>
    public const string Route53Queries = "route53.queries";

    /// <summary>Route 53 health check month.</summary>
    public const string Route53HealthCheck = "route53.healthcheck";

    /// <summary>Route 53 health check optional feature month.</summary>
    public const string Route53HealthCheckFeature = "route53.healthcheck.feature";

    /// <summary>WAF web ACL month.</summary>
    public const string WafAcl = "waf.acl";

    /// <summary>WAF rule month.</summary>
    public const string WafRule = "waf.rule";

    /// <summary>WAF per 1M requests.</summary>
    public const string WafRequests = "waf.requests";

    /// <summary>CloudWatch dashboard month.</summary>
    public const string Dashboard = "cloudwatch.dashboard";

    /// <summary>CloudWatch standard alarm month.</summary>
    public const string Alarm = "cloudwatch.alarm";

    /// <summary>CloudWatch composite alarm month.</summary>
    public const string CompositeAlarm = "cloudwatch.alarm.composite";

    /// <summary>CloudWatch Logs ingestion GB.</summary>
    public const string LogIngestion = "logs.ingestion";

    /// <summary>CloudWatch Logs storage GB-month.</summary>
    public const string LogStorage = "logs.storage";

    /// <summary>CloudWatch Logs ingestion GB of vended logs (CloudFront access logs) delivered to CloudWatch Logs.</summary>
    public const string VendedLogIngestion = "logs.ingestion.vended";

    /// <summary>CloudWatch custom metric month (each metric filter publishes one).</summary>
    public const string CustomMetric = "cloudwatch.metric";

    /// <summary>Secrets Manager secret month.</summary>
    public const string Secret = "secretsmanager.secret";

    /// <summary>Secrets Manager per 10k API calls.</summary>
    public const string SecretApi = "secretsmanager.api";

    /// <summary>KMS customer managed key month (each key version after a rotation bills as one more, up to two).</summary>
    public const string KmsKey = "kms.key";

    /// <summary>ECR GB-month.</summary>
    public const string EcrStorage = "ecr.storage";

    /// <summary>EKS cluster hour.</summary>
    public const string EksCluster = "eks.cluster";

    /// <summary>Lambda x86 GB-second.</summary>
    public const string LambdaGbSecond = "lambda.gbs";

    /// <summary>Lambda per 1M requests.</summary>
    public const string LambdaRequests = "lambda.requests";

    /// <summary>API Gateway HTTP API per 1M requests.</summary>
    public const string HttpApiRequests = "apigateway.http";

    /// <summary>RDS gp3 storage GB-month, single-AZ or Multi-AZ.</summary>
    public static string RdsStorage(bool multiAz) => multiAz ? "rds.gp3.multiaz" : "rds.gp3.single";

    /// <summary>RDS PostgreSQL instance hour of <paramref name="instanceClass"/> (e.g. <c>db.t4g.micro</c>).</summary>
    public static string Rds(string instanceClass, bool multiAz) => $"rds.{instanceClass}.{(multiAz ? "multiaz" : "single")}";

    /// <summary>EC2 on-demand hour of <paramref name="instanceType"/> (e.g. <c>t4g.small</c>).</summary>
    public static string Ec2(string instanceType) => $"ec2.{instanceType}";
}
