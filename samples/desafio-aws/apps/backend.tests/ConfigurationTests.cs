using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// The platform variables are bound to options and validated when the host starts (ValidateOnStart): a wrong or
/// missing one stops the app before it serves anything, with a message naming the variable. Checked here with the
/// app's own registration and the same <see cref="IStartupValidator"/> the host runs at start (a host that fails to
/// start inside WebApplicationFactory races its own disposal); ContainerTests prove the real process stops.
/// </summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("DB_HOST", null, "DB_HOST is required")]
    [InlineData("DB_NAME", "", "DB_NAME is required")]
    [InlineData("DB_PASSWORD", null, "DB_AUTH=password needs DB_PASSWORD_FILE or DB_PASSWORD")]
    [InlineData("DB_AUTH", "iam", "AWS_REGION is required")]
    [InlineData("DB_SSLMODE", "VerifyFull", "DB_SSLMODE=VerifyFull needs DB_SSLROOTCERT")]
    [InlineData("DB_PORT", "70000", "DB_PORT must be a TCP port (1-65535), got '70000'")]
    [InlineData("PORT", "0", "PORT must be a TCP port (1-65535), got '0'")]
    [InlineData("APP_PUBLIC_URL", "http://app.example.com/backend", "APP_PUBLIC_URL must be an absolute https URL")]
    [InlineData("APP_PUBLIC_URL", "app.example.com", "APP_PUBLIC_URL must be an absolute https URL")]
    public void An_invalid_variable_stops_the_app_at_start_naming_it(string name, string? value, string message)
    {
        var failure = StartFailure(name, value);
        Assert.Contains(message, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PORT", "eighty")]
    [InlineData("DB_PORT", "postgres")]
    [InlineData("DB_AUTH", "kerberos")]
    [InlineData("DB_SSLMODE", "Maybe")]
    public void A_value_of_the_wrong_type_stops_the_app_at_start_naming_the_variable_and_the_value(string name, string value)
    {
        var failure = StartFailure(name, value);
        Assert.Contains($"'{name}'", failure, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_failure_is_reported_at_once()
    {
        var failure = StartFailure(v =>
        {
            v["DB_HOST"] = null;
            v["DB_USER"] = null;
            v["DB_AUTH"] = "iam";
        });
        Assert.Contains("DB_HOST is required", failure, StringComparison.Ordinal);
        Assert.Contains("DB_USER is required", failure, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION is required", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iam")]
    [InlineData("IAM")]
    [InlineData("password")]
    public void DB_AUTH_is_read_without_regard_to_case(string value)
    {
        Assert.Null(StartValidationError(Valid(v =>
        {
            v["DB_AUTH"] = value;
            v["AWS_REGION"] = "sa-east-1";
        })));
    }

    private static string StartFailure(string name, string? value) => StartFailure(v => v[name] = value);

    private static string StartFailure(Action<Dictionary<string, string?>> tweak)
    {
        var error = StartValidationError(Valid(tweak));
        Assert.NotNull(error);
        return error.ToString();
    }

    private static Exception? StartValidationError(Dictionary<string, string?> variables)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(variables.Where(v => v.Value is not null)).Build();
        using var services = new ServiceCollection().AddPlatformOptions(configuration).BuildServiceProvider();
        return Record.Exception(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    private static Dictionary<string, string?> Valid(Action<Dictionary<string, string?>> tweak)
    {
        var variables = BackendProcess.PlatformEnvironment("unused", port: 8080);
        tweak(variables);
        return variables;
    }
}
