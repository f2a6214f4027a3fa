using Microsoft.Extensions.Options;

namespace Trilho.Samples.Backend;

/// <summary>Registers the options the platform's variables bind to, each validated when the host starts.</summary>
public static class PlatformOptions
{
    public static IServiceCollection AddPlatformOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceOptions>, ServiceOptionsValidator>();
        services.AddOptions<DatabaseOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        return services;
    }
}
