using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// The backend in this process (<see cref="WebApplicationFactory{TEntryPoint}"/> over a test server), configured with
/// exactly the given platform variables: the machine's own environment is left out so that a variable set on the test
/// machine cannot hide a missing one.
/// </summary>
public sealed class BackendFactory(IReadOnlyDictionary<string, string?> variables) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureAppConfiguration(configuration =>
        {
            configuration.Sources.Clear();
            configuration.AddInMemoryCollection(variables.Where(v => v.Value is not null));
        });
        // The JSON console logs are the container's contract, tested on the real process (ContainerTests).
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    /// <summary>A started backend on <paramref name="db"/>, as the platform configures it, with <paramref name="tweak"/> applied.</summary>
    public static BackendFactory For(TestDatabase db, Action<Dictionary<string, string?>>? tweak = null)
    {
        var variables = BackendProcess.PlatformEnvironment(db, port: 8080);
        tweak?.Invoke(variables);
        return new BackendFactory(variables);
    }
}

/// <summary>One database and one in-process backend per test class (xunit class fixture).</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;
    public BackendFactory Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null)
        {
            return; // every test of the class is skipped, with the reason
        }

        Db = await TestDatabase.CreateAsync();
        Factory = BackendFactory.For(Db);
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }
}
