using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// The backend against what Trilho actually emits for it: the sample is compiled, and the container port, the
/// env var and secret names and the target group's health check path are read from the backend's template.
/// </summary>
public sealed class ContractTests(CompiledSample sample) : IClassFixture<CompiledSample>
{
    [Fact]
    public void The_template_routes_the_backend_path_to_the_container_port()
    {
        Assert.Equal(["/backend", "/backend/*"], sample.ListenerPaths);
        Assert.Equal(sample.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), sample.Environment["PORT"]);
        Assert.Equal(sample.ContainerPort, sample.TargetGroupPort);
    }

    [DatabaseFact]
    public async Task Backend_started_with_exactly_the_emitted_variables_passes_the_health_check_and_serves_the_api()
    {
        await using var db = await TestDatabase.CreateAsync();
        var server = TestDatabase.Server;
        var port = BackendProcess.FreePort();
        var role = await db.CreateAppRoleAsync("contract");
        var passwordFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(passwordFile, "contract");
        await using var backend = BackendProcess.Launch(db, env =>
        {
            env.Clear();
            foreach (var (name, value) in sample.Environment)
            {
                env[name] = value;
            }

            // What differs on this machine: the port is free here, the database is the local test server (no TLS),
            // the app's role is a fresh one (roles are server-wide), and it logs in with a password file because
            // there is no IAM here. Everything else is the template's.
            env["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            env["DB_HOST"] = server.Host;
            env["DB_PORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            env["DB_NAME"] = db.Name;
            env["DB_SSLMODE"] = "Disable";
            env["DB_USER"] = role;
            env["DB_AUTH"] = "password";
            env["DB_PASSWORD_FILE"] = passwordFile;
            env["TMPDIR"] = Path.GetTempPath();
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };

        await WaitForHealthyAsync(client, sample.HealthCheckPath, backend);
        using var created = await client.PostAsJsonAsync("/backend/items", new { title = "contract" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>("/backend/items");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public void The_backend_needs_no_variable_the_platform_does_not_inject()
    {
        string[] required = ["PORT", "APP_BASE_PATH", "TMPDIR", "DB_HOST", "DB_PORT", "DB_NAME", "DB_SSLMODE", "DB_USER", "DB_AUTH", "AWS_REGION"];
        var injected = sample.Environment.Keys.Concat(sample.SecretNames).ToHashSet(StringComparer.Ordinal);
        Assert.All(required, name => Assert.Contains(name, injected));
        // No password reaches the app: it signs an IAM token as its own role, and verifies the endpoint's certificate.
        Assert.Empty(sample.SecretNames);
        Assert.Equal("iam", sample.Environment["DB_AUTH"]);
        Assert.Equal("backend", sample.Environment["DB_USER"]);
        Assert.Equal("VerifyFull", sample.Environment["DB_SSLMODE"]);
        Assert.Equal("{\"Ref\":\"DatabaseEndpoint\"}", sample.Environment["DB_HOST"]);
    }

    private static async Task WaitForHealthyAsync(HttpClient client, string path, BackendProcess backend)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode? last = null;
        while (DateTime.UtcNow < deadline && !backend.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(path);
                last = response.StatusCode;
                // The target group's matcher accepts 200-399.
                if ((int)response.StatusCode is >= 200 and < 400)
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

        Assert.Fail($"health check {path} never passed (last status {last?.ToString() ?? "none"}):\n{backend.Output}");
    }
}

/// <summary>The sample compiled once by the real <c>trilho compile</c>, and what its backend template says.</summary>
public sealed class CompiledSample : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("trilho-contract-").FullName;

    public CompiledSample()
    {
        var root = RepositoryRoot();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", Path.Combine(root, "src", "Compiler.Cli"), "--", "compile", Path.Combine(root, "samples", "desafio-aws", "platform.yaml"), "--out", _output, "--env", "dev" })
        {
            psi.ArgumentList.Add(argument);
        }

        psi.Environment["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"trilho compile failed ({process.ExitCode}):\n{stdout.Result}\n{stderr}");
        }

        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "dev", "desafio-dev-app-backend.template.json")));
        var resources = template.RootElement.GetProperty("Resources").EnumerateObject().Select(r => r.Value).ToList();
        var container = Single(resources, "AWS::ECS::TaskDefinition").GetProperty("ContainerDefinitions")[0];
        ContainerPort = container.GetProperty("PortMappings")[0].GetProperty("ContainerPort").GetInt32();
        // A value that comes from a stack parameter (DB_HOST: the endpoint) is kept as its JSON, e.g. {"Ref":"DatabaseEndpoint"}.
        Environment = container.GetProperty("Environment").EnumerateArray()
            .ToDictionary(
                e => e.GetProperty("Name").GetString()!,
                e => e.GetProperty("Value") is { ValueKind: JsonValueKind.String } v ? v.GetString()! : JsonSerializer.Serialize(e.GetProperty("Value")),
                StringComparer.Ordinal);
        SecretNames = container.TryGetProperty("Secrets", out var secrets) ? secrets.EnumerateArray().Select(s => s.GetProperty("Name").GetString()!).ToList() : [];
        ReadonlyRootFilesystem = container.GetProperty("ReadonlyRootFilesystem").GetBoolean();
        User = container.GetProperty("User").GetString()!;
        var mount = container.GetProperty("MountPoints").EnumerateArray().Single();
        TempMountPath = mount.GetProperty("ContainerPath").GetString()!;
        var volume = Single(resources, "AWS::ECS::TaskDefinition").GetProperty("Volumes").EnumerateArray()
            .Single(v => v.GetProperty("Name").GetString() == mount.GetProperty("SourceVolume").GetString());
        // No host, no EFS and no Docker volume configuration: a Fargate bind mount on the task's ephemeral storage.
        TempVolumeIsBindMount = volume.EnumerateObject().All(p => p.Name == "Name");
        // The platform owns the backend's target group and listener rule: they live in the shared stack (ADR 0008).
        using var sharedTemplate = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "dev", "desafio-dev-shared.template.json")));
        var shared = sharedTemplate.RootElement.GetProperty("Resources").EnumerateObject().Select(r => r.Value).ToList();
        var targetGroup = Single(shared, "AWS::ElasticLoadBalancingV2::TargetGroup");
        HealthCheckPath = targetGroup.GetProperty("HealthCheckPath").GetString()!;
        TargetGroupPort = targetGroup.GetProperty("Port").GetInt32();
        ListenerPaths = Single(shared, "AWS::ElasticLoadBalancingV2::ListenerRule").GetProperty("Conditions")[0]
            .GetProperty("PathPatternConfig").GetProperty("Values").EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    public int ContainerPort { get; }
    public IReadOnlyDictionary<string, string> Environment { get; }
    public IReadOnlyList<string> SecretNames { get; }
    public bool ReadonlyRootFilesystem { get; }
    public string User { get; }
    public string TempMountPath { get; }
    public bool TempVolumeIsBindMount { get; }
    public string HealthCheckPath { get; }
    public int TargetGroupPort { get; }
    public IReadOnlyList<string> ListenerPaths { get; }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static JsonElement Single(IEnumerable<JsonElement> resources, string type) =>
        resources.Single(r => r.GetProperty("Type").GetString() == type).GetProperty("Properties");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trilho.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Trilho.sln not found above " + AppContext.BaseDirectory);
    }
}
