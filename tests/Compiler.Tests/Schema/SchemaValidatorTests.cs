using Trilho.Compiler.Loading;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Tests.Schema;

public class SchemaValidatorTests
{
    private const string Valid = """
        platform: demo
        region: us-east-1
        teams:
          core: { name: Core, email: core@example.com }
        apps:
          api: { type: api, team: core, path: /api }
        environments:
          dev: { account: "111111111111" }

        """;

    private static IReadOnlyList<Trilho.Compiler.Diagnostics.Diagnostic> Validate(string text) =>
        SchemaValidator.Validate(YamlLoader.Load("p.yaml", text).Document!);

    [Fact]
    public void Valid_document_has_no_schema_errors() => Assert.Empty(Validate(Valid));

    [Fact]
    public void Unknown_key_is_reported_at_the_key_with_a_suggestion()
    {
        var diagnostic = Assert.Single(Validate(Valid.Replace("path: /api", "path: /api, healthChek: /h", StringComparison.Ordinal)));
        Assert.Equal(("TRL1101", 6, 45), (diagnostic.Id, diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.Equal("Did you mean 'healthCheck'?", diagnostic.Hint);
    }

    [Fact]
    public void Unknown_top_level_key_without_a_close_name_lists_the_known_keys()
    {
        var diagnostic = Assert.Single(Validate(Valid + "stuff: 1\n"));
        Assert.Equal(("TRL1101", 9, 1), (diagnostic.Id, diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.StartsWith("Known keys here: platform, region", diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_require_nothing_but_still_reject_unknown_keys()
    {
        var text = Valid.Replace("dev: { account: \"111111111111\" }", "dev: { account: \"111111111111\", apps: { api: { cpu: 512, size: 3 } } }", StringComparison.Ordinal);
        var diagnostic = Assert.Single(Validate(text));
        Assert.Equal(("TRL1101", 8, 60), (diagnostic.Id, diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Account_given_as_a_number_says_to_quote_it()
    {
        var diagnostic = Assert.Single(Validate(Valid.Replace("\"111111111111\"", "111111111111", StringComparison.Ordinal)));
        Assert.Equal(("TRL1103", 8, 19), (diagnostic.Id, diagnostic.Location!.Line, diagnostic.Location.Column));
        Assert.Contains("Quote it", diagnostic.Hint, StringComparison.Ordinal);
    }
}
