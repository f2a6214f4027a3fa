namespace Trilho.Compiler.Diagnostics;

/// <summary>Every diagnostic Trilho reports. Ids are stable: retired ones are never reused.</summary>
public static class DiagnosticCatalog
{
    /// <summary>The file is not valid YAML.</summary>
    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "TRL1001", DiagnosticSeverity.Error, "invalid YAML: {0}", "Check indentation and quoting at this position.");

    /// <summary>More than one YAML document in the file.</summary>
    public static readonly DiagnosticDescriptor MultipleDocuments = new(
        "TRL1002", DiagnosticSeverity.Error, "a second YAML document starts here: platform.yaml holds exactly one platform.", "Remove the '---' separator and what follows, or move it to its own file.");

    /// <summary>A mapping repeats a key.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "TRL1003", DiagnosticSeverity.Error, "duplicate key '{0}': a key may appear once per section, the second would silently win.", "Merge the two entries into one.");

    /// <summary>The file holds no platform.</summary>
    public static readonly DiagnosticDescriptor EmptyDocument = new(
        "TRL1004", DiagnosticSeverity.Error, "the file is empty: platform.yaml must describe one platform.", "Start from samples/minimal/platform.yaml.");

    /// <summary>Collections nested deeper than any platform.yaml needs.</summary>
    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "TRL1005", DiagnosticSeverity.Error, "nesting deeper than {0} levels starts here: platform.yaml needs only a few levels, so this is almost certainly a mistake.", "Check the indentation and the brackets around this position.");

    /// <summary>An alias used inside the node its anchor names.</summary>
    public static readonly DiagnosticDescriptor RecursiveAlias = new(
        "TRL1006", DiagnosticSeverity.Error, "alias '*{0}' is used inside the node that anchor '&{0}' names: the value would contain itself forever.", "Remove the alias, or anchor a different node.");

    /// <summary>Aliases expand the document beyond a sane size.</summary>
    public static readonly DiagnosticDescriptor DocumentTooLarge = new(
        "TRL1007", DiagnosticSeverity.Error, "the document expands to more than {0} values at this point (aliases repeat whole sections): far more than any platform needs.", "Use fewer nested aliases.");

    /// <summary>A schema rule without a dedicated diagnostic failed; a fallback so that no schema error is lost.</summary>
    public static readonly DiagnosticDescriptor SchemaViolation = new(
        "TRL1100", DiagnosticSeverity.Error, "'{0}' is invalid: {1}.", "See docs/platform-yaml.md for the field.");

    /// <summary>A key the schema does not define.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new(
        "TRL1101", DiagnosticSeverity.Error, "unknown key '{0}' in {1}: Trilho would ignore it, so it is probably a typo.", "{2}");

    /// <summary>A required key is missing.</summary>
    public static readonly DiagnosticDescriptor MissingKey = new(
        "TRL1102", DiagnosticSeverity.Error, "{0} is missing the required key '{1}': {2}", "Add '{1}'.");

    /// <summary>A value of the wrong kind (text, number, true/false, list, section).</summary>
    public static readonly DiagnosticDescriptor WrongType = new(
        "TRL1103", DiagnosticSeverity.Error, "'{0}' must be {1}, but it is {2}.", "{3}");

    /// <summary>A value outside a fixed list.</summary>
    public static readonly DiagnosticDescriptor NotAllowedValue = new(
        "TRL1104", DiagnosticSeverity.Error, "'{0}' is {1}, which is not one of the allowed values: {2}.", "{3}");

    /// <summary>A number out of range.</summary>
    public static readonly DiagnosticDescriptor OutOfRange = new(
        "TRL1105", DiagnosticSeverity.Error, "'{0}' is {1}, out of range: it must be {2}.", "Use a value in range; see docs/platform-yaml.md for what it means.");

    /// <summary>A text value in the wrong format.</summary>
    public static readonly DiagnosticDescriptor BadFormat = new(
        "TRL1106", DiagnosticSeverity.Error, "'{0}' is '{1}', which is not valid here: it must be {2}.", "Fix the value.");

    /// <summary>A text value too short or too long.</summary>
    public static readonly DiagnosticDescriptor BadLength = new(
        "TRL1107", DiagnosticSeverity.Error, "'{0}' is {1} characters long: it must be {2}.", "Shorten or complete the value.");

    /// <summary>A map key (team, app, environment id or variable name) in the wrong format.</summary>
    public static readonly DiagnosticDescriptor BadKeyName = new(
        "TRL1108", DiagnosticSeverity.Error, "'{0}' is not a valid name in {1}: it must be {2}.", "Rename it, and every reference to it.");

    /// <summary>A key one indentation level too far out: it fails where it is but is valid in the mapping just above.</summary>
    public static readonly DiagnosticDescriptor IndentedTooFarOut = new(
        "TRL1111", DiagnosticSeverity.Error, "'{0}' does not belong in {1}, but it is valid in {2} just above: it looks indented one level too far out.", "Did you mean it under '{3}' (line {4})? Indent it like the other keys of '{3}'.");

    /// <summary>A section that needs at least one entry is empty.</summary>
    public static readonly DiagnosticDescriptor EmptySection = new(
        "TRL1109", DiagnosticSeverity.Error, "'{0}' is empty: it needs at least one entry.", "Add an entry; see docs/platform-yaml.md.");

    /// <summary>A list repeats an item.</summary>
    public static readonly DiagnosticDescriptor DuplicateItem = new(
        "TRL1110", DiagnosticSeverity.Error, "'{0}' lists '{1}' twice: every item must be unique.", "Remove the repeated item.");

    /// <summary>A reference to a team that does not exist.</summary>
    public static readonly DiagnosticDescriptor UnknownTeam = new(
        "TRL2001", DiagnosticSeverity.Error, "app '{0}' names team '{1}', which is not defined in teams: every app needs an owning team to receive its alerts.", "{2}");

    /// <summary>database.access names an app that does not exist.</summary>
    public static readonly DiagnosticDescriptor UnknownAccessApp = new(
        "TRL2002", DiagnosticSeverity.Error, "database.access names app '{0}', which is not defined in apps: only existing apps can be allowed to connect.", "{1}");

    /// <summary>database.access names an app that is not an api app.</summary>
    public static readonly DiagnosticDescriptor AccessAppNotApi = new(
        "TRL2003", DiagnosticSeverity.Error, "database.access names app '{0}', which is a static app: static files in S3 cannot connect to a database.", "Remove '{0}' from database.access; only api apps can connect.");

    /// <summary>An environment overrides an app that does not exist.</summary>
    public static readonly DiagnosticDescriptor UnknownOverrideApp = new(
        "TRL2004", DiagnosticSeverity.Error, "environment '{0}' overrides app '{1}', which is not defined in apps: an override only changes an existing app.", "{2}");

    /// <summary>Two apps share a path.</summary>
    public static readonly DiagnosticDescriptor DuplicatePath = new(
        "TRL2005", DiagnosticSeverity.Error, "app '{0}' uses path '{1}', which app '{2}' uses too: each path routes to exactly one app.", "Give each app its own path.");

    /// <summary>One app's path is inside another's.</summary>
    public static readonly DiagnosticDescriptor OverlappingPath = new(
        "TRL2006", DiagnosticSeverity.Error, "app '{0}' path '{1}' overlaps app '{2}' path '{3}': one lies under the other, so requests under the longer path would be ambiguous.", "Use paths that do not nest, e.g. '/api' and '/web'.");

    /// <summary>scale.min exceeds scale.max.</summary>
    public static readonly DiagnosticDescriptor ScaleMinAboveMax = new(
        "TRL2007", DiagnosticSeverity.Error, "app '{0}'{1} scales between min {2} and max {3}: min cannot exceed max.", "Raise scale.max or lower scale.min.");

    /// <summary>cpu and memory do not form a valid Fargate size.</summary>
    public static readonly DiagnosticDescriptor InvalidFargateSize = new(
        "TRL2008", DiagnosticSeverity.Error, "app '{0}'{1} asks for cpu {2} with memory {3} MiB: Fargate does not offer that combination.", "With cpu {2}, memory may be {4}.");

    /// <summary>A field given on a static app that only api apps use.</summary>
    public static readonly DiagnosticDescriptor NotForStaticApp = new(
        "TRL2009", DiagnosticSeverity.Error, "'{0}' does not apply to app '{1}'{2}, which is a static app: static files in S3 have no container, so Trilho would ignore it.", "Remove '{0}', or make the app `type: api`.");

    /// <summary>domain is set but ingress.hostedZoneId is not.</summary>
    public static readonly DiagnosticDescriptor MissingHostedZone = new(
        "TRL2010", DiagnosticSeverity.Error, "domain '{0}' is set but ingress.hostedZoneId is not: Trilho needs the domain's public Route 53 zone to validate the certificate and add the DNS record.", "Add ingress.hostedZoneId with the id of the public hosted zone of '{0}' (Route 53 console, 'Hosted zone ID').");

    /// <summary>An ingress field that needs a domain is given without one.</summary>
    public static readonly DiagnosticDescriptor IngressNeedsDomain = new(
        "TRL2011", DiagnosticSeverity.Error, "ingress.{0} is set but there is no domain: without a domain the apps answer on CloudFront's own name, so it would be ignored.", "Set the top-level domain, or remove ingress.{0}.");

    /// <summary>ingress.host is the label of the private zone.</summary>
    public static readonly DiagnosticDescriptor HostInPrivateZone = new(
        "TRL2025", DiagnosticSeverity.Error, "ingress.host 'internal' makes the public name '{0}', which is the name of the platform's private hosted zone: inside the VPC the apps would not reach their own public name.", "Choose another host; 'internal' under the domain is reserved for private names such as the database's.");

    /// <summary>The public name is too long for the certificate Trilho requests.</summary>
    public static readonly DiagnosticDescriptor PublicNameTooLong = new(
        "TRL2060", DiagnosticSeverity.Error, "the public name '{0}' is {1} characters long: the ACM certificate Trilho requests for it takes at most 64 characters as its first domain name.", "Use a shorter ingress.host or domain, or set ingress.certificateArn to a certificate you issued for a shorter name that covers it (e.g. a wildcard).");

    /// <summary>An app id is another app's id followed by a dash, so name-prefix grants of one cover the other's resources.</summary>
    public static readonly DiagnosticDescriptor AppIdExtendsAnother = new(
        "TRL2051", DiagnosticSeverity.Error, "app id '{0}' is app '{1}' followed by '-': Trilho grants each app's team the resources named '<platform>-<env>-app-{1}-*', which would also cover every role, log group and service of '{0}'.", "Rename one of the two apps so that neither id is the other's followed by a dash (e.g. '{2}').");

    /// <summary>certificateArn is not in us-east-1.</summary>
    public static readonly DiagnosticDescriptor CertificateNotInUsEast1 = new(
        "TRL2012", DiagnosticSeverity.Error, "ingress.certificateArn is in region '{0}': CloudFront only accepts ACM certificates from us-east-1.", "Request or import the certificate in us-east-1, or remove certificateArn to let Trilho create one.");

    /// <summary>A region Trilho does not know.</summary>
    public static readonly DiagnosticDescriptor UnknownRegion = new(
        "TRL2013", DiagnosticSeverity.Error, "region '{0}' is not an AWS commercial region Trilho knows.", "{1}");

    /// <summary>A variable name used twice or reserved by Trilho.</summary>
    public static readonly DiagnosticDescriptor ReservedVariable = new(
        "TRL2014", DiagnosticSeverity.Error, "app '{0}' defines variable '{1}' in {2}, but {3}: the container would get only one value.", "Rename the variable.");

    /// <summary>An override changes an app's type.</summary>
    public static readonly DiagnosticDescriptor TypeOverride = new(
        "TRL2015", DiagnosticSeverity.Error, "environment '{0}' changes the type of app '{1}': an app is the same kind of thing in every environment, only its size and settings change.", "Remove 'type' from the override.");

    /// <summary>An environment overrides the database, but the platform has none.</summary>
    public static readonly DiagnosticDescriptor DatabaseOverrideWithoutDatabase = new(
        "TRL2016", DiagnosticSeverity.Error, "environment '{0}' overrides the database, but the platform defines no database: the override would be ignored.", "Add a top-level 'database' section, or remove this override.");

    /// <summary>delivery.github.environments names an environment that does not exist.</summary>
    public static readonly DiagnosticDescriptor UnknownDeliveryEnvironment = new(
        "TRL2017", DiagnosticSeverity.Error, "delivery.github.environments lists '{0}', which is not defined in environments: its roles would trust a GitHub environment that gates nothing.", "{1}");

    /// <summary>Two environments would answer on the same public name.</summary>
    public static readonly DiagnosticDescriptor SharedPublicName = new(
        "TRL2018", DiagnosticSeverity.Error, "environments '{0}' and '{1}' both answer on '{2}': a CloudFront alias belongs to one distribution only, so the second deploy would fail.", "Give environment '{1}' its own 'domain' (e.g. a subdomain with its own hosted zone) or 'ingress.host'.");

    /// <summary>One public hosted zone used by environments in different accounts.</summary>
    public static readonly DiagnosticDescriptor HostedZoneInAnotherAccount = new(
        "TRL2019", DiagnosticSeverity.Error, "hosted zone '{0}' is used by environment '{1}' (account {2}) and by environment '{3}' (account {4}): CloudFormation writes certificate validation and alias records only into a zone of the account it deploys to.", "Delegate a subdomain to a hosted zone in account {4} and set 'domain' and 'ingress.hostedZoneId' under environment '{3}'.");

    /// <summary>A field given on an api app that only static apps use.</summary>
    public static readonly DiagnosticDescriptor NotForApiApp = new(
        "TRL2030", DiagnosticSeverity.Error, "'{0}' does not apply to app '{1}'{2}, which is an api app: the app's own server decides its responses, so Trilho would ignore it.", "Remove '{0}' and set it in the app's server, or make the app `type: static`.");

    /// <summary>An environment's override sets an app's source.</summary>
    public static readonly DiagnosticDescriptor SourceInOverride = new(
        "TRL2045", DiagnosticSeverity.Error, "environment '{0}' sets 'source' for app '{1}': an app's code is the same in every environment, only its size and settings change.", "Move 'source' under apps.{1}, or remove it from the override.");

    /// <summary>A source field that the app's type does not use.</summary>
    public static readonly DiagnosticDescriptor SourceFieldNotForType = new(
        "TRL2046", DiagnosticSeverity.Error, "'source.{0}' does not apply to app '{1}', which is {2} app: {3}", "Remove 'source.{0}'.");

    /// <summary>An api app names both a Dockerfile and a .NET project.</summary>
    public static readonly DiagnosticDescriptor SourceDockerfileAndProject = new(
        "TRL2047", DiagnosticSeverity.Error, "app '{0}' sets both 'source.dockerfile' and 'source.project': the image is built either from a Dockerfile or by the .NET SDK, not both.", "Keep 'source.project' to let `dotnet publish -t:PublishContainer` build the image, or 'source.dockerfile' to build it with Docker.");

    /// <summary>A source path that is absolute, so it works on one machine only.</summary>
    public static readonly DiagnosticDescriptor SourceAbsolutePath = new(
        "TRL2048", DiagnosticSeverity.Error, "app '{0}' source.{1} is '{2}', an absolute path: it exists on this machine only, not in CI or a teammate's checkout.", "Write it relative to the folder of platform.yaml, e.g. 'apps/{0}'.");

    /// <summary>A source path that does not exist beside platform.yaml.</summary>
    public static readonly DiagnosticDescriptor SourceNotFound = new(
        "TRL2049", DiagnosticSeverity.Error, "app '{0}' source.{1} is '{2}', but no such {3} exists beside platform.yaml: trilho {4} would fail.", "Fix the path (relative to the folder of platform.yaml){5}.");

    /// <summary>source.project names a file that is not a .NET project.</summary>
    public static readonly DiagnosticDescriptor SourceProjectNotProject = new(
        "TRL2050", DiagnosticSeverity.Error, "app '{0}' source.project is '{1}', which is not a .NET project file (.csproj, .fsproj or .vbproj): the .NET SDK builds images from a project.", "Name the app's project file, or use 'source.dockerfile' to build with Docker.");

    /// <summary>A plain env var whose name says it holds a secret.</summary>
    public static readonly DiagnosticDescriptor SecretInEnv = new(
        "TRL3001", DiagnosticSeverity.Error, "app '{0}' sets '{1}' as a plain env value: its name says it is a secret, and plain values end up readable in the CloudFormation template and the ECS console.", "Store the value in AWS Secrets Manager and move the variable to 'secrets' ({1}: <secret name>).");

    /// <summary>A plain env var whose value looks like a credential.</summary>
    public static readonly DiagnosticDescriptor CredentialInEnv = new(
        "TRL3002", DiagnosticSeverity.Error, "app '{0}' env '{1}' holds what looks like {2}: plain values end up readable in the CloudFormation template and the ECS console.", "Revoke the credential if it was ever committed, store it in AWS Secrets Manager and move the variable to 'secrets'.");

    /// <summary>A delivery environment whose roles all trust the branch, so every team's job can assume the platform role.</summary>
    public static readonly DiagnosticDescriptor SharedDeliveryTrust = new(
        "TRL3003",
        DiagnosticSeverity.Warning,
        "environment '{0}' is not in delivery.github.environments: its platform role and every team role trust any workflow run on branch '{1}', so a team's job can assume the platform role and change every stack of '{0}'.",
        "Add '{0}' to delivery.github.environments and create the GitHub environments {0}-platform and {0}-team-<team>, with the platform team as required reviewers of {0}-platform (docs/delivery.md).");

    /// <summary>AWS CDK refused to synthesize: an error annotation on a construct, or an exception from a construct.</summary>
    public static readonly DiagnosticDescriptor CdkError = new(
        "TRL4001", DiagnosticSeverity.Error, "AWS CDK could not synthesize {0}: {1}", "This is a limit Trilho does not check yet: change the value the message names, and please report it as a Trilho issue.");

    /// <summary>A template larger than CloudFormation accepts.</summary>
    public static readonly DiagnosticDescriptor TemplateTooLarge = new(
        "TRL4002", DiagnosticSeverity.Error, "stack '{0}' would be {1} bytes: CloudFormation accepts templates of at most {2} bytes, so it could not be deployed.", "Use fewer apps or teams in this environment, or shorter texts (team names and e-mails, env values).");

    /// <summary>A template with more resources, parameters or outputs than CloudFormation accepts.</summary>
    public static readonly DiagnosticDescriptor TemplateTooManyEntries = new(
        "TRL4003", DiagnosticSeverity.Error, "stack '{0}' would declare {1} {2}: CloudFormation accepts at most {3} per template, so it could not be deployed.", "Use fewer apps or teams in this environment.");

    /// <summary>A name or text Trilho builds from platform.yaml values longer than the AWS resource accepts.</summary>
    public static readonly DiagnosticDescriptor ValueTooLong = new(
        "TRL4004", DiagnosticSeverity.Error, "stack '{0}' would set {1} of {2} '{3}' to {4} characters: AWS accepts at most {5}, so the deploy would fail.", "Shorten the ids and names it is built from (platform, environment, app or team).");

    /// <summary>The environment's region has no prices, so the estimate is left out instead of guessed.</summary>
    public static readonly DiagnosticDescriptor NoPricesForRegion = new(
        "TRL5001",
        DiagnosticSeverity.Warning,
        "no prices for region '{0}': the cost estimate of environment '{1}' is left out rather than guessed.",
        "Estimates exist for us-east-1 and sa-east-1; add the region's rows, with their sources, to src/Compiler/Costs/PriceCatalog.cs.");

    /// <summary>One item has no price in the region, so the totals leave it out and are a lower bound.</summary>
    public static readonly DiagnosticDescriptor NoPriceForItem = new(
        "TRL5002",
        DiagnosticSeverity.Warning,
        "no price for '{0}' in {1}: the cost estimate of environment '{2}' leaves it out, so its totals are a lower bound.",
        "Add the row, with its source, to src/Compiler/Costs/PriceCatalog.cs, or choose a priced option (database size micro, small or medium).");

    /// <summary>A value of the <c>usage</c> section is out of range, so the estimate uses the default instead.</summary>
    public static readonly DiagnosticDescriptor UsageOutOfRange = new(
        "TRL5003",
        DiagnosticSeverity.Warning,
        "usage.{0} is {1}: a volume must be {2}, so the cost estimate uses the profile's default instead.",
        "Set usage.{0} to a value from {2}, or remove it to use the default.");

    /// <summary>trilho diff: a resource that holds data or identity would be replaced, and no acknowledgement allows it.</summary>
    public static readonly DiagnosticDescriptor StatefulReplaced = new(
        "TRL6001",
        DiagnosticSeverity.Error,
        "{0} ({1}) would be REPLACED: {2} changes, which AWS documents as requiring replacement, and {3}.",
        "Revert the change; or, if losing it is intended, add '{0}' to environments.{4}.acknowledgedReplacements in platform.yaml, review it in the pull request and remove it after the deploy (docs/safe-changes.md).");

    /// <summary>trilho diff: a resource that holds data or identity would be deleted (gone from its template, or its stack gone from the plan), and no acknowledgement allows it.</summary>
    public static readonly DiagnosticDescriptor StatefulDeleted = new(
        "TRL6002",
        DiagnosticSeverity.Error,
        "{0} ({1}) would be DELETED: {2}, and {3}.",
        "Revert the change (a renamed platform, environment or app renames stacks and logical IDs); or, if losing it is intended, add '{0}' to environments.{4}.acknowledgedReplacements in platform.yaml (docs/safe-changes.md).");

    /// <summary>trilho diff: a resource that holds data or identity may be replaced (AWS documents the change as conditional, or a value depends on a replaced resource).</summary>
    public static readonly DiagnosticDescriptor StatefulMaybeReplaced = new(
        "TRL6003",
        DiagnosticSeverity.Warning,
        "{0} ({1}) may be replaced: {2} changes, which AWS documents as requiring replacement in some cases only, and {3}.",
        "Read 'Update requires' of the property in the CloudFormation resource reference; if replacement is acceptable, add '{0}' to environments.{4}.acknowledgedReplacements in platform.yaml.");

    /// <summary>trilho diff: an acknowledgement that allows nothing in this change, left over or mistyped.</summary>
    public static readonly DiagnosticDescriptor StaleAcknowledgement = new(
        "TRL6004",
        DiagnosticSeverity.Warning,
        "environments.{0}.acknowledgedReplacements lists '{1}', but this change neither replaces nor deletes it: a leftover would silently allow a later accident.",
        "Remove the entry (after the deploy it was for), or fix its spelling: stack/LogicalId, as trilho diff prints it.");

    /// <summary>Build integration: the compiler exited with an error but printed no diagnostic (e.g. an internal error). Raised by the MSBuild task, which does not load this assembly.</summary>
    public static readonly DiagnosticDescriptor CompilerFailedSilently = new(
        "TRL9001", DiagnosticSeverity.Error, "trilho compile exited with code {0} without reporting a diagnostic: {1}", "Read the compiler's last output lines at the end of the message (a missing Node.js has its own TRL9003).");

    /// <summary>Build integration: the project has no platform file. Raised by the MSBuild targets.</summary>
    public static readonly DiagnosticDescriptor PlatformFileMissing = new(
        "TRL9002", DiagnosticSeverity.Error, "platform file not found: {0}.", "Add platform.yaml beside the project, set TrilhoPlatformFile to its path, or set TrilhoEnabled to false.");

    /// <summary>Node.js is missing from PATH or too old: AWS CDK, which writes the templates, runs on it (through jsii).</summary>
    public static readonly DiagnosticDescriptor NodeRequired = new(
        "TRL9003", DiagnosticSeverity.Error, "Node.js {0} or later is required on PATH: AWS CDK, which writes the templates, runs on it{1}.", "Install Node.js {0} or later (https://nodejs.org or your package manager), put it on PATH and run again.");

    /// <summary>An extension assembly given with --extension (or a TrilhoExtension item) cannot be used: missing, not loadable, a dependency missing, no public extension type, or its constructor threw.</summary>
    public static readonly DiagnosticDescriptor ExtensionNotLoaded = new(
        "TRL9004", DiagnosticSeverity.Error, "extension {0} cannot be used: {1}.", "Build the extension against this Trilho version, ship its dependencies beside it (its .deps.json lists them), and give it a public non-abstract class implementing IPlatformExtension with a parameterless constructor.");

    /// <summary>An extension threw while it extended an environment's stacks; the message names the extension, the environment and where it threw.</summary>
    public static readonly DiagnosticDescriptor ExtensionFailed = new(
        "TRL9005", DiagnosticSeverity.Error, "extension {0} failed in environment '{1}': {2}{3}.", "Fix the extension (it ran after every Trilho construct existed, before the templates were written); nothing was written.");
}
