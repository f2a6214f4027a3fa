namespace Trilho.Compiler.Delivery.Tests.Workflows;

/// <summary>
/// Each job that assumes a delivery role presents the OIDC subject that role's trust policy (as the delivery stack
/// emits it) accepts. GitHub sets the token's <c>sub</c> to <c>repo:&lt;owner/name&gt;:environment:&lt;name&gt;</c> for a job that
/// references an environment, and to <c>repo:&lt;owner/name&gt;:ref:&lt;ref&gt;</c> for a push job without one
/// (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#example-subject-claims);
/// configure-aws-credentials asks for the audience <c>sts.amazonaws.com</c>. The role is evaluated the way STS does:
/// StringEquals on both keys, nothing else in the condition.
/// </summary>
public sealed class WorkflowTrustTests
{
    [Theory]
    [MemberData(nameof(WorkflowSets.Names), MemberType = typeof(WorkflowSets))]
    public void Every_job_that_assumes_a_role_presents_the_subject_that_role_trusts(string set)
    {
        var (platform, delivery) = Platforms.Load(WorkflowSets.PlatformYaml(set));
        var repository = delivery.Github!.Repository!;
        var branch = delivery.Github.Branch ?? "main";
        var problems = new List<string>();
        var checkedJobs = 0;
        foreach (var workflow in WorkflowSets.Get(set))
        {
            foreach (var job in workflow.Jobs.Where(j => j.Deploys))
            {
                var stage = DeployTarget.Of(job, workflow).Split('-')[0];
                var environment = platform.Environments.Single(e => e.Name == stage);
                var roleToAssume = job.Uses.Single(u => u.Reference.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal)).With["role-to-assume"];
                var role = RoleName(roleToAssume, environment.StackPrefix, workflow);
                var subject = job.Environment is { } name ? $"repo:{repository}:environment:{name}" : $"repo:{repository}:ref:refs/heads/{branch}";
                if (job.Environment is null && RunsOn(workflow, job, "refs/heads/not-" + branch))
                {
                    problems.Add($"{workflow.File}/{job.Id} has no GitHub environment and can run on other branches (workflow_dispatch): its token's subject is then another ref");
                }

                var template = new ResolvedDeliveryTemplate(DeliveryTemplates.Synthesize(WorkflowSets.PlatformYaml(set), stage).Template, environment.Account, environment.Region);
                if (!template.Roles.TryGetValue(role, out var trusted))
                {
                    problems.Add($"{workflow.File}/{job.Id} assumes {role}, which the delivery stack of {stage} does not create");
                    continue;
                }

                var statement = trusted.Trust["Statement"]!.AsArray().Single()!.AsObject();
                var equals = statement["Condition"]!["StringEquals"]!.AsObject();
                var trustedSubject = ResolvedDeliveryTemplate.Str(equals["token.actions.githubusercontent.com:sub"]);
                if (ResolvedDeliveryTemplate.Str(statement["Action"]) != "sts:AssumeRoleWithWebIdentity"
                    || ResolvedDeliveryTemplate.Str(equals["token.actions.githubusercontent.com:aud"]) != "sts.amazonaws.com"
                    || statement["Condition"]!.AsObject().Count != 1
                    || trustedSubject != subject)
                {
                    problems.Add($"{workflow.File}/{job.Id} presents {subject}; {role} trusts {trustedSubject}");
                }

                checkedJobs++;
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedJobs > 0);
    }

    /// <summary><c>arn:aws:iam::${{ steps.plan.outputs.account }}:role/${{ steps.plan.outputs.prefix }}-deploy-…</c>: the role name, with plan-env's prefix and the workflow's env filled in.</summary>
    private static string RoleName(string roleToAssume, string prefix, Workflow workflow)
    {
        var name = roleToAssume[(roleToAssume.IndexOf(":role/", StringComparison.Ordinal) + ":role/".Length)..]
            .Replace("${{ steps.plan.outputs.prefix }}", prefix, StringComparison.Ordinal);
        foreach (var (key, value) in workflow.Env)
        {
            name = name.Replace("${{ env." + key + " }}", value, StringComparison.Ordinal);
        }

        return name;
    }

    /// <summary>Whether the job (and every job it needs) would run for a manual dispatch on <paramref name="gitRef"/>.</summary>
    private static bool RunsOn(Workflow workflow, WorkflowJob job, string gitRef)
    {
        var github = new Dictionary<string, string>(StringComparer.Ordinal) { ["event_name"] = "workflow_dispatch", ["ref"] = gitRef, ["ref_name"] = gitRef["refs/heads/".Length..] };
        return (job.If is null || WorkflowExpression.Condition(job.If, github))
            && job.Needs.All(n => RunsOn(workflow, workflow.Jobs.Single(j => j.Id == n), gitRef));
    }
}
