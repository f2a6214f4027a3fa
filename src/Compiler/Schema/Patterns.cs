namespace Trilho.Compiler.Schema;

/// <summary>The regular expressions of platform.yaml and how to explain each to a person; the model's attributes and the semantic rules share them.</summary>
public static class Patterns
{
    /// <summary>Platform name: lowercase, DNS-safe, 2-20 characters, so every stack and resource name stays within AWS limits.</summary>
    public const string PlatformName = "^[a-z][a-z0-9-]{0,18}[a-z0-9]$";

    /// <summary>Explains <see cref="PlatformName"/>.</summary>
    public const string PlatformNameText = "2-20 lowercase letters, digits or '-', starting with a letter and not ending with '-', e.g. 'desafio'";

    /// <summary>Id of a team or app: lowercase, DNS-safe, 1-24 characters, because it becomes part of resource names.</summary>
    public const string Id = "^[a-z]([a-z0-9-]{0,22}[a-z0-9])?$";

    /// <summary>Explains <see cref="Id"/>.</summary>
    public const string IdText = "1-24 lowercase letters, digits or '-', starting with a letter and not ending with '-', e.g. 'backend'";

    /// <summary>Id of an environment: short, because it is part of every stack name.</summary>
    public const string EnvironmentId = "^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$";

    /// <summary>Explains <see cref="EnvironmentId"/>.</summary>
    public const string EnvironmentIdText = "1-12 lowercase letters, digits or '-', starting with a letter and not ending with '-', e.g. 'prod'";

    /// <summary>Shape of an AWS region code; <c>KnownRegions</c> decides whether Trilho knows it.</summary>
    public const string Region = "^[a-z]{2}(-gov)?-[a-z]+-[0-9]$";

    /// <summary>Explains <see cref="Region"/>.</summary>
    public const string RegionText = "an AWS region code, e.g. 'sa-east-1'";

    /// <summary>12-digit AWS account id.</summary>
    public const string Account = "^[0-9]{12}$";

    /// <summary>Explains <see cref="Account"/>.</summary>
    public const string AccountText = "exactly 12 digits, quoted, e.g. \"111111111111\"";

    /// <summary>A DNS domain of two or more lowercase labels.</summary>
    public const string Domain = "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$";

    /// <summary>Explains <see cref="Domain"/>.</summary>
    public const string DomainText = "a lowercase DNS name such as 'example.com': labels of letters, digits or '-', separated by '.'";

    /// <summary>One or more DNS labels, the part before the domain.</summary>
    public const string HostName = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$";

    /// <summary>Explains <see cref="HostName"/>.</summary>
    public const string HostNameText = "a lowercase DNS label such as 'app': letters, digits or '-', not starting or ending with '-'";

    /// <summary>Route 53 hosted zone id.</summary>
    public const string HostedZoneId = "^Z[A-Z0-9]{1,31}$";

    /// <summary>Explains <see cref="HostedZoneId"/>.</summary>
    public const string HostedZoneIdText = "a Route 53 hosted zone id: 'Z' followed by uppercase letters and digits, e.g. 'Z0123456789ABC'";

    /// <summary>ACM certificate ARN in any region; the semantic rules demand us-east-1.</summary>
    public const string CertificateArn = "^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[A-Za-z0-9-]+$";

    /// <summary>Explains <see cref="CertificateArn"/>.</summary>
    public const string CertificateArnText = "an ACM certificate ARN, e.g. 'arn:aws:acm:us-east-1:111111111111:certificate/0a1b2c3d-...'";

    /// <summary>URL path of an app: starts with '/', is not '/' alone, no empty segment, no trailing '/'.</summary>
    public const string AppPath = "^/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$";

    /// <summary>Explains <see cref="AppPath"/>.</summary>
    public const string AppPathText = "a path such as '/backend': starts with '/', is not '/' alone, has no trailing '/', and uses letters, digits, '-', '_', '.' or '~'";

    /// <summary>Health check path.</summary>
    public const string HealthCheckPath = "^/[A-Za-z0-9._~/-]*$";

    /// <summary>Explains <see cref="HealthCheckPath"/>.</summary>
    public const string HealthCheckPathText = "a path starting with '/', e.g. '/backend/health'";

    /// <summary>Environment variable name, as shells and containers accept it.</summary>
    public const string EnvName = "^[A-Za-z_][A-Za-z0-9_]*$";

    /// <summary>Explains <see cref="EnvName"/>.</summary>
    public const string EnvNameText = "letters, digits and '_', not starting with a digit, e.g. 'LOG_LEVEL'";

    /// <summary>Email address, loosely: AWS SNS sends a confirmation that proves the rest.</summary>
    public const string Email = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /// <summary>Explains <see cref="Email"/>.</summary>
    public const string EmailText = "an email address, e.g. 'team@example.com'";

    /// <summary>Phone number in international format.</summary>
    public const string Phone = "^\\+[0-9][0-9 ()-]{5,24}$";

    /// <summary>Explains <see cref="Phone"/>.</summary>
    public const string PhoneText = "an international number starting with '+', e.g. '+55 11 90000-0001' (quoted)";

    /// <summary>Major (optionally minor) PostgreSQL version.</summary>
    public const string DatabaseVersion = "^[0-9]{2}(\\.[0-9]+)?$";

    /// <summary>Explains <see cref="DatabaseVersion"/>.</summary>
    public const string DatabaseVersionText = "a quoted major version such as \"16\" or \"16.4\"";

    /// <summary>GitHub repository as owner/name.</summary>
    public const string GitHubRepository = "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$";

    /// <summary>Explains <see cref="GitHubRepository"/>.</summary>
    public const string GitHubRepositoryText = "owner/name of a GitHub repository, e.g. 'acme/desafio'";

    /// <summary>A git branch name without wildcards, since it becomes part of an IAM trust condition.</summary>
    public const string Branch = "^[A-Za-z0-9._/-]{1,100}$";

    /// <summary>Explains <see cref="Branch"/>.</summary>
    public const string BranchText = "a branch name of letters, digits, '.', '_', '/' or '-', e.g. 'main'";

    /// <summary>A resource as <c>trilho diff</c> names it: stack name, '/', logical ID.</summary>
    public const string StackResource = "^[A-Za-z][A-Za-z0-9-]{0,127}/[A-Za-z0-9]{1,255}$";

    /// <summary>Explains <see cref="StackResource"/>.</summary>
    public const string StackResourceText = "a stack name and a logical ID as trilho diff prints them, e.g. 'desafio-prod-shared/DatabaseInstance02E622FB'";

    /// <summary>An HTTP header value CloudFront accepts: one line of printable ASCII.</summary>
    public const string HeaderValue = "^[\\x20-\\x7E]+$";

    /// <summary>Explains <see cref="HeaderValue"/>.</summary>
    public const string HeaderValueText = "one line of printable ASCII characters, e.g. \"default-src 'self'; img-src 'self' data:\"";
}
