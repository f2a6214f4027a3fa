namespace Trilho.Compiler.Tests.Validation;

public class SemanticValidatorTests
{
    private static string Platform(string apps, string environments = "  dev: { account: \"111111111111\" }\n") =>
        "platform: demo\nregion: us-east-1\nteams:\n  core: { name: Core, email: core@example.com }\napps:\n" + apps + "environments:\n" + environments;

    private static List<string> Check(string text) =>
        FrontEnd.Analyze("p.yaml", text).Diagnostics.Select(d => $"{d.Id}@{d.Location!.Line},{d.Location.Column}").ToList();

    [Fact]
    public void Paths_that_only_share_a_prefix_do_not_overlap() =>
        Assert.Empty(Check(Platform("  a: { type: api, team: core, path: /api }\n  b: { type: api, team: core, path: /apix }\n")));

    [Fact]
    public void Paths_nesting_at_a_segment_boundary_overlap() =>
        Assert.Equal(["TRL2006@7,37"], Check(Platform("  a: { type: api, team: core, path: /api }\n  b: { type: api, team: core, path: /api/v2 }\n")));

    [Fact]
    public void An_override_that_breaks_a_rule_is_reported_at_the_override()
    {
        var text = Platform(
            "  a: { type: api, team: core, path: /api, scale: { min: 1, max: 4 } }\n",
            "  dev: { account: \"111111111111\" }\n  prod: { account: \"222222222222\", apps: { a: { scale: { max: 0 } } } }\n");
        Assert.Equal(["TRL1105@9,63"], Check(text));
        Assert.Equal(["TRL2007@9,63"], Check(text.Replace("max: 0 }", "min: 5 }", StringComparison.Ordinal)));
    }

    [Fact]
    public void Profile_minimum_above_an_explicit_max_is_reported_for_that_environment()
    {
        var text = Platform("  a: { type: api, team: core, path: /api, scale: { max: 1 } }\n", "  prod: { account: \"111111111111\", profile: resilient }\n");
        var diagnostic = Assert.Single(FrontEnd.Analyze("p.yaml", text).Diagnostics);
        Assert.Equal("TRL2007", diagnostic.Id);
        Assert.Contains("in environment 'prod'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TOKEN_URL: https://example.com", 0)]
    [InlineData("DB_SECRET_NAME: prod/db", 0)]
    [InlineData("GITHUB_TOKEN: abc", 1)]
    [InlineData("client_secret: abc", 1)]
    [InlineData("OTHER: AKIAIOSFODNN7EXAMPLE", 1)]
    public void Secret_looking_env_values_are_security_errors(string entry, int errors)
    {
        var diagnostics = FrontEnd.Analyze("p.yaml", Platform($"  a: {{ type: api, team: core, path: /api, env: {{ {entry} }} }}\n")).Diagnostics;
        Assert.Equal(errors, diagnostics.Count(d => d.Id.StartsWith("TRL3", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("", "TRL3003@11,3 TRL3003@11,3")]
    [InlineData("\n    environments: [prod]", "TRL3003@13,5")]
    [InlineData("\n    environments: [dev, prod]", "")]
    public void A_delivery_stage_whose_roles_all_trust_the_branch_is_a_security_warning(string environments, string expected)
    {
        var text = Platform("  a: { type: api, team: core, path: /api }\n", "  dev: { account: \"111111111111\" }\n  prod: { account: \"222222222222\" }\n")
            + "delivery:\n  github:\n    repository: acme/demo" + environments + "\n";
        var diagnostics = FrontEnd.Analyze("p.yaml", text).Diagnostics;
        Assert.Equal(expected, string.Join(' ', diagnostics.Select(d => $"{d.Id}@{d.Location!.Line},{d.Location.Column}")));
        Assert.All(diagnostics, d => Assert.Equal(Trilho.Compiler.Diagnostics.DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Same_type_in_an_override_is_not_a_type_change() =>
        Assert.Empty(Check(Platform("  a: { type: api, team: core, path: /api }\n", "  dev: { account: \"111111111111\", apps: { a: { type: api } } }\n")));
}
