namespace Trilho.Compiler.Tests.Validation;

/// <summary>Setup mistakes a newcomer made in the issue 19 trial, each told plainly at its line.</summary>
public sealed class NewcomerMistakeTests
{
    private const string Platform = """
        platform: shop
        region: sa-east-1
        locale: pt-BR
        teams:
          checkout: { name: Checkout, email: checkout@example.com }
        apps:
          orders:
            type: api
            team: checkout
            path: /orders
            env:
              LOG_LEVEL: Information
        environments:
          dev: { account: "012345678901" }
        """;

    private static List<string> Diagnostics(string text) =>
        FrontEnd.Analyze("platform.yaml", text).Diagnostics.Select(d => d.ToCanonicalString()).ToList();

    [Fact]
    public void The_valid_platform_passes() => Assert.Empty(Diagnostics(Platform));

    [Fact]
    public void An_unquoted_account_with_a_leading_zero_is_told_to_quote_the_twelve_digits()
    {
        var single = Assert.Single(Diagnostics(Platform.Replace("\"012345678901\"", "012345678901", StringComparison.Ordinal)));
        Assert.Contains("TRL1103", single, StringComparison.Ordinal);
        Assert.Contains("Quote it: account: \"012345678901\"", single, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_without_its_region_gets_a_did_you_mean() =>
        Assert.Contains("Did you mean 'pt-BR'?", Assert.Single(Diagnostics(Platform.Replace("locale: pt-BR", "locale: pt", StringComparison.Ordinal))), StringComparison.Ordinal);

    [Theory]
    [InlineData("Host=db;Username=app;Password=hunter2")]
    [InlineData("Server=db;Uid=app;Pwd=hunter2;")]
    [InlineData("postgres://app:hunter2@db:5432/app")]
    public void A_connection_string_with_a_password_in_env_points_at_secrets(string value)
    {
        var single = Assert.Single(Diagnostics(Platform.Replace("LOG_LEVEL: Information", $"DB_URL: \"{value}\"", StringComparison.Ordinal)));
        Assert.Contains("TRL3002: app 'orders' env 'DB_URL' holds what looks like a connection string with a password", single, StringComparison.Ordinal);
        Assert.Contains("move the variable to 'secrets'", single, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Username=app;Password=")]
    [InlineData("https://example.com/orders")]
    public void A_connection_string_without_a_password_passes(string value) =>
        Assert.Empty(Diagnostics(Platform.Replace("LOG_LEVEL: Information", $"DB_URL: \"{value}\"", StringComparison.Ordinal)));
}
