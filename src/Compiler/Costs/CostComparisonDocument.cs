using System.Globalization;
using System.Text;

namespace Trilho.Compiler.Costs;

/// <summary>docs/costs.md: how the estimate works, its limits, the options compared for the sample, and the trade-offs beyond money.</summary>
public static class CostComparisonDocument
{
    /// <summary>The command that regenerates docs/costs.md and docs/costs-chart.svg; the page quotes it.</summary>
    public const string Command = "dotnet run --project src/Compiler.Cli -- cost samples/desafio-aws/platform.yaml --compare docs";

    /// <summary>File name of the chart written beside the page.</summary>
    public const string ChartFileName = "costs-chart.svg";

    /// <summary>The page, with <c>\n</c> line ends.</summary>
    public static string Render(CostComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var md = new StringBuilder();
        md.Append("# What the platform costs, and what the alternatives would cost\n\n");
        md.Append("<!-- Generated: do not edit. Regenerate with the command below; a test fails when this page is stale. -->\n\n");
        md.Append("Every `trilho compile` writes `<out>/<env>/cost-estimate.json` and `cost-estimate.md`, and `trilho cost <platform.yaml>` prints the same table per environment. ");
        md.Append("This page compares the technical options for the sample `samples/desafio-aws/platform.yaml` (platform `").Append(comparison.Platform).Append("`) with the same price catalog and assumptions. Regenerate it with:\n\n");
        md.Append("```sh\n").Append(Command).Append("\n```\n\n");

        AppendMethod(md);
        AppendAssumptions(md, comparison);
        AppendComparison(md, comparison);
        AppendTradeOffs(md);
        AppendLimits(md);
        AppendEstimates(md, comparison);
        AppendCatalog(md);
        return md.ToString();
    }

    private static void AppendMethod(StringBuilder md)
    {
        md.Append("## How the estimate is computed\n\n");
        md.Append("- Input: the resolved environment (profile defaults and overrides applied), so the estimate prices what is deployed: the egress (NAT gateways with their data and public IPv4 addresses, or NAT instances with their root volumes and public IPv4 addresses, per `network.egress`), the internal ALB (hours and capacity units), Fargate vCPU and memory per api app, ECR storage, the RDS instance (single-AZ or Multi-AZ), its gp3 storage and backups beyond the free allowance, the database secret, CloudFront data out, requests and its function, WAF (when `ingress.firewall`), S3 per static app, the private hosted zone, its queries and one HTTPS health check per app, CloudWatch alarms and dashboards, log ingestion and storage, and the customer managed KMS keys the templates create.\n");
        md.Append("- Baseline: every api app runs `scale.min` tasks all month; peak: `scale.max` tasks all month (an upper bound; volumes stay the same).\n");
        md.Append("- Time-billed items use ").Append(Number(UsageAssumptions.HoursPerMonth)).Append(" hours a month. Volume-billed items use the assumptions below; the optional `usage` section of platform.yaml overrides them.\n");
        md.Append("- Prices are on-demand USD from the catalog at the end of this page (`src/Compiler/Costs/PriceCatalog.cs`), each with its source and date; rows marked assumed have no primary source for that region. A region without prices gives warning TRL5001 and no estimate; an item without a price (e.g. database sizes `large` and `xlarge`) gives TRL5002 and the totals become a lower bound.\n");
        md.Append("- WAF, CloudFront Functions and the static apps' buckets are priced in us-east-1, where Trilho places them for every environment; CloudFront data and requests at the edge near the environment's region (South America for sa-east-1), since that is where the viewers are assumed to be.\n");
        md.Append("- Each line is rounded to cents, then totals add the rounded lines. Output uses invariant culture, so every machine writes the same bytes.\n\n");
    }

    private static void AppendAssumptions(StringBuilder md, CostComparison comparison)
    {
        var economy = UsageAssumptions.For(Model.Profile.Economy, null).Describe();
        var resilient = UsageAssumptions.For(Model.Profile.Resilient, null).Describe();
        md.Append("## Assumptions\n\n");
        md.Append("Defaults per profile; `usage: { requestsPerMonth: 5000000, gbOutPerMonth: 50, ... }` in platform.yaml replaces a value in every environment.\n\n");
        md.Append("| Name | economy | resilient | Meaning |\n|---|---:|---:|---|\n");
        for (var i = 0; i < economy.Count; i++)
        {
            md.Append("| `").Append(economy[i].Name).Append("` | ").Append(economy[i].Value).Append(" | ").Append(resilient[i].Value).Append(" | ").Append(economy[i].Description).Append(" |\n");
        }

        md.Append("\nThe comparison also assumes: Lambda runs ").Append(Number(CostComparison.LambdaSecondsPerRequest)).Append(" s per request at the app's memory; Aurora does ").Append(Number(CostComparison.AuroraIoPerApiRequest));
        md.Append(" I/O requests per api request and averages 0.5 / 1 / 2 ACU for sizes micro / small / medium (a second, reader instance in resilient); EC2 runs one burstable Graviton instance per task (t4g.micro up to 512 MiB, t4g.small up to 1 GiB, t4g.medium above) with an ");
        md.Append(Number(CostComparison.Ec2RootVolumeGb)).Append(" GB gp3 root volume; EKS keeps at least ").Append(Number(CostComparison.EksMinimumNodes)).Append(" nodes; Elastic Beanstalk creates one ALB per app environment; self-managed PostgreSQL runs on the t4g type matching the RDS class, with gp3 data and one full backup in S3 (plus a replica in resilient); the VPC-endpoints-only network needs ");
        md.Append(Number(CostComparison.InterfaceEndpoints)).Append(" interface endpoints per zone. The sample has ").Append(comparison.Scenarios.Count).Append(" scenarios: each environment in each catalog region.\n\n");
    }

    private static void AppendComparison(StringBuilder md, CostComparison comparison)
    {
        md.Append("## The options, monthly USD at scale.min\n\n");
        md.Append("![Monthly cost per option and scenario](").Append(ChartFileName).Append(")\n\n");
        foreach (var section in comparison.Rows.Select(r => r.Section).Distinct())
        {
            md.Append("### ").Append(section).Append("\n\n| Option |");
            foreach (var scenario in comparison.Scenarios)
            {
                md.Append(' ').Append(scenario.Label).Append(" |");
            }

            md.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", comparison.Scenarios.Count))).Append('\n');
            foreach (var row in comparison.Rows.Where(r => r.Section == section))
            {
                md.Append("| ").Append(row.Chosen ? "**" + row.Option + "** (chosen)" : row.Option).Append(" |");
                foreach (var cost in row.Costs)
                {
                    md.Append(' ').Append(cost is null ? "n/a" : CostFormat.Money(cost.Value)).Append(" |");
                }

                md.Append('\n');
            }

            md.Append('\n');
        }

        md.Append("### Where the money goes (Trilho's design at scale.min, by group)\n\n| Group |");
        foreach (var scenario in comparison.Scenarios)
        {
            md.Append(' ').Append(scenario.Label).Append(" |");
        }

        md.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", comparison.Scenarios.Count))).Append('\n');
        foreach (var group in comparison.Scenarios.SelectMany(s => s.Estimate.Lines).Select(l => l.Group).Distinct())
        {
            md.Append("| ").Append(group).Append(" |");
            foreach (var scenario in comparison.Scenarios)
            {
                var total = scenario.Estimate.Lines.Where(l => l.Group == group).Sum(l => l.MonthlyCost);
                var share = scenario.Estimate.MonthlyTotal is > 0m ? Math.Round(total / scenario.Estimate.MonthlyTotal.Value * 100m, 0, MidpointRounding.AwayFromZero) : 0m;
                md.Append(' ').Append(CostFormat.Money(total)).Append(" (").Append(Number(share)).Append("%) |");
            }

            md.Append('\n');
        }

        md.Append('\n');
        md.Append("Compute options include the load balancer or API they need; database options the instance(s), storage and, for Aurora, I/O; the frontend options only the origin side; the outbound network options the gateways, addresses or endpoints and their data charges. n/a means a price is missing from the catalog.\n\n");
    }

    private static void AppendTradeOffs(StringBuilder md)
    {
        md.Append("## Trade-offs beyond money\n\n");
        md.Append("- **ECS Fargate (chosen)**: no servers, patching or cluster to run; a task starts in about a minute, so target tracking on CPU and ALB requests follows load well; the task definition is portable OCI containers, so leaving AWS means rewriting the service and scaling definitions, not the app. Costs more per vCPU than EC2 but has no idle capacity beyond `scale.min`.\n");
        md.Append("- **EC2 Auto Scaling + ALB**: cheapest per vCPU at steady load, but the team owns AMIs, patching, the ECS or Docker agent and instance sizing; scaling out waits for an instance to boot (minutes), so spikes need headroom; burstable t4g instances can run out of CPU credits.\n");
        md.Append("- **EKS**: the most portable (Kubernetes) and the richest ecosystem, but the control plane alone costs about USD 73 a month per environment and Kubernetes needs skills a team \"with little infra knowledge\" does not have; upgrades every few months are mandatory.\n");
        md.Append("- **Lambda + API Gateway or ALB**: pays per request and scales in seconds, so it wins at low or spiky traffic; but cold starts add latency to a .NET or JVM API, a long-running REST service must be repackaged as handlers, the database needs RDS Proxy or careful pooling, and the lock-in to Lambda's event model is the strongest of all options. Cost grows linearly with requests and passes Fargate at sustained load.\n");
        md.Append("- **Elastic Beanstalk**: no charge of its own, EC2 and an ALB underneath; simpler than raw EC2 for a team, but platform versions and in-place updates are opaque, and each environment brings its own load balancer.\n");
        md.Append("- **App Runner**: closed to new customers since 2026-04-30 and never offered in sa-east-1, so it is not an option; AWS points to ECS Express Mode, which is Fargate underneath. AWS Copilot CLI reached end of support on 2026-06-12 and AWS Proton ends on 2026-10-07, another reason Trilho emits plain CloudFormation.\n");
        md.Append("- **RDS single-AZ vs Multi-AZ**: Multi-AZ doubles instance and storage cost and buys automatic failover in about a minute to two; economy (dev) accepts hours of restore from backup, resilient (prod) does not.\n");
        md.Append("- **Aurora Serverless v2**: scales capacity in seconds and can pause when idle in dev, but I/O is billed per request, the minimum capacity of a reader in prod adds up, and Aurora storage is not portable to plain PostgreSQL hosting without a dump and restore.\n");
        md.Append("- **Self-managed PostgreSQL on EC2**: cheapest on paper; the team owns backups, point-in-time recovery, failover, patching, encryption and monitoring, which is exactly the expertise the brief says the teams lack. Not recommended.\n");
        md.Append("- **S3 + CloudFront (chosen) vs containers for the frontend**: static files from S3 behind CloudFront absorb sudden spikes at the edge with nothing to scale, cost cents, and have no server to patch; a container behind the ALB would add a service to operate and scale, and spikes would reach it on cache misses. CloudFront's flat-rate plans (Free / Pro USD 15 / Business USD 200 a month, since 2025-11, bundling WAF and a request allowance) can undercut pay-as-you-go in sa-east-1 once requests grow; Trilho prices pay-as-you-go.\n");
        md.Append("- **NAT instance (chosen in economy) vs NAT gateway (chosen in resilient) vs alternatives** (docs/decisions/0017-economy-egress.md): a managed NAT gateway per zone is highly available with nothing to operate, but in a development environment it is the largest line; a t4g.nano NAT instance costs a fraction, keeps tasks private and admits only HTTPS from the private subnets, but is one instance: outbound traffic stops while it is recovered or replaced (a new Amazon Linux image replaces it on the next deploy) and its bandwidth is burstable; VPC endpoints only removes internet egress entirely (the most secure) but breaks any call to an outside API and costs per endpoint per zone; public subnets with a public IPv4 per task are cheapest but give every task an internet address and pay per address. `environments.<id>.network.egress` picks one per environment.\n\n");
    }

    private static void AppendLimits(StringBuilder md)
    {
        md.Append("## Limits\n\n");
        md.Append("- No taxes (e.g. Brazilian ISS/PIS/COFINS on sa-east-1 invoices), no support plan, no Savings Plans or reserved instances, and no free tier or credits (accounts created since 2025-07-15 get credits instead of 12-month offers). Not even CloudWatch's always-free 3 dashboards and 10 alarm metrics: the allowance belongs to the consolidated billing family (an AWS Organization bills as one account: https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/consolidated-billing.html), so dev and prod in two accounts of one organization share one allowance that other workloads may already use. Where it is unused, a bill is up to 3 dashboards and 10 alarm metrics lower (USD 10.35 in sa-east-1); its 5 GB of logs and 100 GB of free data transfer out would lower small bills further.\n");
        md.Append("- Data transfer: only CloudFront to viewers is priced, at the first 10 TB tier; origin fetches from S3 and the VPC origin are free; transfer between zones (tasks to a Multi-AZ database or ALB in another zone), NAT egress to the internet and inbound data are not counted.\n");
        md.Append("- Volumes are assumptions, not measurements: override them in `usage` with numbers from your logs. Peak assumes `scale.max` all month; real bills sit between baseline and peak.\n");
        md.Append("- KMS: the customer managed keys the templates create (the logs', the database's, the alarm topics' and the edge access logs' keys) are priced at one key version each, their first year. Every key rotates yearly and each rotation adds a key version billed like a key, up to two (https://aws.amazon.com/kms/pricing/): from year 2 the line is twice the estimate, from year 3 three times. Every key is retained when its stack is deleted or the key is replaced, and bills until you schedule its deletion.\n");
        md.Append("- Not counted: KMS requests (USD 0.03 per 10,000; how often CloudWatch Logs, SNS and RDS ask for data keys is not sized by any assumption here), CloudWatch metrics beyond the free ones, Route 53 health check alarms in us-east-1 and the public hosted zone (yours, alias queries free).\n");
        md.Append("- Prices change and some are old or assumed: check the dates in the catalog, refresh the rows, and regenerate this page.\n\n");
    }

    private static void AppendEstimates(StringBuilder md, CostComparison comparison)
    {
        md.Append("## The sample's estimates, line by line\n\n");
        foreach (var scenario in comparison.Scenarios)
        {
            var page = CostMarkdown.Render(scenario.Estimate).Replace("# Cost estimate: ", "### Cost estimate: ", StringComparison.Ordinal);
            md.Append(page).Append('\n');
        }
    }

    private static void AppendCatalog(StringBuilder md)
    {
        md.Append("## Price catalog\n\n");
        md.Append("Sources: IC infracost aws testdata golden outputs (data mid-2024 to 2026-05); KP aws/karpenter-provider-aws generated pricing; ES yeo/ec2.shop cache of AWS calculator data; DB DuckbillGroup/CloudWatchCashBack cloudwatch_pricing.json; FG fgcalc and AF a copy of AWS's Fargate pricing page; secondary = top of a published regional range. Assumed rows: no primary source for that region; \"us-east-1 x 1.5\" is the low end of the sa-east-1/us-east-1 ratios the catalog does verify.\n\n");
        md.Append("| Key | Region | Service | Dimension | Unit | USD | Source | Date | Assumed |\n|---|---|---|---|---|---:|---|---|---|\n");
        foreach (var entry in PriceCatalog.Entries)
        {
            md.Append("| `").Append(entry.Key).Append("` | ").Append(entry.Region).Append(" | ").Append(entry.Service).Append(" | ").Append(entry.Dimension).Append(" | ").Append(entry.Unit)
                .Append(" | ").Append(CostFormat.UnitPrice(entry.Price)).Append(" | ").Append(entry.Source).Append(" | ").Append(entry.Date).Append(" | ").Append(entry.Assumed ? "yes" : "no").Append(" |\n");
        }
    }

    private static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
