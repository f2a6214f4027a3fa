using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// The real backend started as its own process (as in the container), configured only through the
/// environment variables the platform injects, listening on a free port on this machine.
/// </summary>
public sealed class BackendProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private BackendProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }
    public HttpClient Client { get; }
    public IReadOnlyCollection<string> StdoutLines => _stdout;
    public string Output => string.Join('\n', _stdout) + "\n" + string.Join('\n', _stderr);
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static string BackendDll =>
        Environment.GetEnvironmentVariable("TRILHO_BACKEND_DLL") is { Length: > 0 } fromEnv
            ? fromEnv
            : typeof(BackendProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "BackendDll").Value!;

    /// <summary>The env vars Trilho injects in ECS, pointing at <paramref name="db"/> without TLS.</summary>
    public static Dictionary<string, string?> PlatformEnvironment(TestDatabase db, int port) => PlatformEnvironment(db.Name, port);

    /// <inheritdoc cref="PlatformEnvironment(TestDatabase, int)"/>
    public static Dictionary<string, string?> PlatformEnvironment(string database, int port)
    {
        var server = TestDatabase.Server;
        return new()
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["APP_BASE_PATH"] = "/backend",
            ["DB_HOST"] = server.Host,
            ["DB_PORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DB_NAME"] = database,
            ["DB_SSLMODE"] = "Disable",
            ["DB_USER"] = server.Username,
            ["DB_PASSWORD"] = server.Password,
        };
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the backend and waits until liveness answers.</summary>
    public static async Task<BackendProcess> StartAsync(TestDatabase db, Action<Dictionary<string, string?>>? tweak = null)
    {
        var backend = Launch(db, tweak);
        await backend.WaitUntilLiveAsync();
        return backend;
    }

    /// <summary>Starts the backend without waiting for it (for tests about startup failures).</summary>
    public static BackendProcess Launch(TestDatabase db, Action<Dictionary<string, string?>>? tweak = null)
    {
        var port = FreePort();
        var env = PlatformEnvironment(db, port);
        tweak?.Invoke(env);

        var dll = BackendDll;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Backend not built at {dll}", dll);
        }
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var (key, value) in env)
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var backend = new BackendProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) backend._stdout.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) backend._stderr.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return backend;
    }

    public async Task WaitUntilLiveAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Backend exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await Client.GetAsync("backend/health/live");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Backend did not become live in 60 s:\n{Output}");
    }

    /// <summary>Sends SIGTERM (what ECS sends on scale-in or deploy) and returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

/// <summary>One database and one backend process per test class (xunit class fixture).</summary>
public sealed class BackendFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;
    public BackendProcess App { get; private set; } = null!;
    public HttpClient Client => App.Client;

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null)
        {
            return; // every test of the class is skipped, with the reason
        }

        Db = await TestDatabase.CreateAsync();
        App = await BackendProcess.StartAsync(Db);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }
}
