using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trilho.Compiler.Synthesis.Caching;
using Trilho.Testing;
using Xunit.Abstractions;

namespace Trilho.Compiler.Emit.Tests.Caching;

/// <summary>
/// <c>trilho compile</c> with the synthesis cache (issue 15): a hit writes what a cold compile writes, prints the same
/// lines, and a new Trilho build, a changed model or <c>--no-cache</c> never reuses an entry.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class CompileCacheTests(ITestOutputHelper output) : IDisposable
{
    // Edits per seed in CI: each costs a cold and an incremental compile (seconds each). TRILHO_FUZZ_DEPTH=n runs n seeds.
    private const int Edits = 4;

    private const string Marker = "written from the cache entry";

    private readonly string root = Path.Combine(Path.GetTempPath(), "trilho-cache-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_comment_edit_is_served_from_the_cache_and_a_new_build_identity_or_no_cache_synthesizes_again()
    {
        var file = Write("platform.yaml", File.ReadAllText(RepositoryPaths.Sample("desafio-aws")));
        var outDir = Path.Combine(root, "out");
        var cold = Compile(file, outDir);
        Assert.True(cold.Code == 0, cold.Stdout);

        // Tampering with dev's stored deploy plan shows which compiles read its entry: synthesis would never write the marker.
        var entries = Directory.GetFiles(Path.Combine(outDir, CompileCommandCacheFolder), "*.json");
        Assert.Equal(2, entries.Length);
        var entry = Assert.Single(entries, e => JsonNode.Parse(File.ReadAllText(e))!["Environment"]!["Environment"]!.GetValue<string>() == "dev");
        var json = JsonNode.Parse(File.ReadAllText(entry))!;
        var stored = json["Environment"]!["Files"]!.AsArray()[^1]!;
        stored["Text"] = Marker;
        File.WriteAllText(entry, json.ToJsonString());
        var plan = stored["Name"]!.GetValue<string>();
        Assert.Equal("deploy-plan.json", plan);
        var tampered = Path.Combine(outDir, "dev", plan);

        File.WriteAllText(file, "# only a comment changed\n" + File.ReadAllText(file));
        var hit = Compile(file, outDir);
        Assert.True(hit.Code == 0, hit.Stdout);
        Assert.Equal(Marker, File.ReadAllText(tampered));
        Assert.Equal(cold.Stdout, hit.Stdout);

        // An override of prod synthesizes prod again and keeps dev's entry.
        var prodApp = Path.Combine(outDir, "prod", "desafio-prod-app-backend.template.json");
        Assert.Contains("\"MaxCapacity\":30,", File.ReadAllText(prodApp), StringComparison.Ordinal);
        File.WriteAllText(file, File.ReadAllText(file).Replace("scale: { min: 3, max: 30 }", "scale: { min: 3, max: 31 }", StringComparison.Ordinal));
        Assert.Equal(0, Compile(file, outDir).Code);
        Assert.Equal(Marker, File.ReadAllText(tampered));
        Assert.Contains("\"MaxCapacity\":31,", File.ReadAllText(prodApp), StringComparison.Ordinal);

        try
        {
            SynthesisCache.IdentityOverride = "a fake new build of Trilho";
            Assert.Equal(0, Compile(file, outDir).Code);
            Assert.NotEqual(Marker, File.ReadAllText(tampered));
        }
        finally
        {
            SynthesisCache.IdentityOverride = null;
        }

        File.WriteAllText(entry, json.ToJsonString());
        Assert.Equal(0, Compile(file, outDir, "--no-cache").Code);
        Assert.NotEqual(Marker, File.ReadAllText(tampered));
    }

    [Fact]
    public void Warnings_are_printed_on_a_cache_hit_as_on_a_cold_compile()
    {
        // No prices for eu-west-1 (TRL5001); the delivery section without this environment warns in the front end (TRL3003).
        var file = Write("platform.yaml", File.ReadAllText(RepositoryPaths.Sample("desafio-aws")).Replace("region: sa-east-1", "region: eu-west-1", StringComparison.Ordinal));
        var outDir = Path.Combine(root, "out");
        var cold = Compile(file, outDir, "--env", "dev");
        Assert.True(cold.Code == 0, cold.Stdout);
        Assert.Contains("warning TRL5001", cold.Stdout, StringComparison.Ordinal);

        var hit = Compile(file, outDir, "--env", "dev");
        Assert.Equal(cold.Stdout, hit.Stdout);
        Assert.Single(Directory.GetFiles(Path.Combine(outDir, CompileCommandCacheFolder), "*.json"));
    }

    [Fact]
    public void Incremental_output_equals_a_cold_compile_after_every_edit_of_a_generated_platform()
    {
        var seeds = GeneratedPlatform.Depth;
        output.WriteLine($"cache edit sequences: {seeds} seed(s) x {Edits} edits (TRILHO_FUZZ_DEPTH={seeds})");
        var watch = Stopwatch.StartNew();
        var (seed, compiled) = (0, 0);
        for (var done = 0; done < seeds; seed++)
        {
            var text = GeneratedPlatform.Generate(seed, GeneratedSize.Synthesizable);
            if (FrontEnd.Analyze("platform.yaml", text).Platform is null)
            {
                continue;
            }

            var random = new Random(seed);
            var folder = Path.Combine(root, $"seed{seed}");
            var file = Path.Combine(folder, "platform.yaml");
            Directory.CreateDirectory(folder);
            for (var step = 0; step <= Edits; step++)
            {
                var edit = "initial";
                if (step > 0)
                {
                    (edit, text) = Edit(random, text, step);
                }

                File.WriteAllText(file, text);
                Scaffold(folder, text);
                var cold = Compile(file, Path.Combine(folder, "cold"), "--no-cache");
                if (step == 0 && cold.Code != 0)
                {
                    // Names at their limits often break an AWS limit (TRL4004): such a seed proves nothing about the cache.
                    output.WriteLine($"seed {seed} skipped: {cold.Stdout.Split('\n').FirstOrDefault(l => l.Contains(" error ", StringComparison.Ordinal))}");
                    break;
                }

                done += step == 0 ? 1 : 0;
                compiled += cold.Code == 0 ? 1 : 0;
                var incremental = Compile(file, Path.Combine(folder, "incremental"));
                output.WriteLine($"seed {seed} step {step} ({edit}): exit {incremental.Code}/{cold.Code}");
                var context = $"seed {seed}, step {step} ({edit})\n{text}";
                Assert.True(cold.Code == incremental.Code, context + "\n" + cold.Stdout + "\n" + incremental.Stdout);
                Assert.Equal(cold.Stdout.Replace(Path.Combine(folder, "cold"), "OUT", StringComparison.Ordinal), incremental.Stdout.Replace(Path.Combine(folder, "incremental"), "OUT", StringComparison.Ordinal));
                var files = Files(Path.Combine(folder, "cold"));
                Assert.Equal(files, Files(Path.Combine(folder, "incremental")));
                Assert.All(files, f => Assert.True(
                    File.ReadAllBytes(Path.Combine(folder, "cold", f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, "incremental", f))),
                    $"{f} differs from a cold compile: {context}"));
            }
        }

        // Edits that break the platform compare failures only; most steps must have written output.
        Assert.True(compiled * 2 > seeds * (Edits + 1), $"only {compiled} of {seeds * (Edits + 1)} steps compiled");
        output.WriteLine($"done in {watch.Elapsed.TotalSeconds:F0} s");
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private const string CompileCommandCacheFolder = ".trilho-cache";

    // One random edit of the kinds a user makes; some leave every stack as it was (comment, key order), some change many.
    private static (string Edit, string Text) Edit(Random random, string text, int step)
    {
        var json = JsonNode.Parse(StripComments(text))!.AsObject();
        var apps = json["apps"]!.AsObject();
        var teams = json["teams"]!.AsObject();
        var environments = json["environments"]!.AsObject();
        string edit;
        switch (random.Next(8))
        {
            case 0:
                return ("comment", $"# edit {step}\n" + text);
            case 1:
                json = Reordered(json);
                edit = "key order";
                break;
            case 2:
                var team = teams.First().Value!.AsObject();
                team["name"] = $"Team renamed at step {step}";
                edit = "change a value (team name)";
                break;
            case 3:
                var (oldId, value) = teams.First();
                var newId = "renamed" + step;
                teams.Remove(oldId);
                teams[newId] = value;
                foreach (var (_, app) in apps)
                {
                    if (app!["team"]!.GetValue<string>() == oldId)
                    {
                        app["team"] = newId;
                    }
                }

                edit = "rename a team";
                break;
            case 4:
                apps["added" + step] = new JsonObject { ["type"] = "static", ["team"] = teams.First().Key, ["path"] = "/added" + step };
                edit = "add an app";
                break;
            case 5 when apps.Count > 1:
                var removed = apps.Last().Key;
                apps.Remove(removed);
                foreach (var (_, environment) in environments)
                {
                    (environment!["apps"] as JsonObject)?.Remove(removed);
                }

                if (json["database"]?["access"] is JsonArray access)
                {
                    foreach (var item in access.Where(a => a!.GetValue<string>() == removed).ToList())
                    {
                        access.Remove(item);
                    }
                }

                edit = "remove an app";
                break;
            case 6:
                // A value only the app's own stacks read: the other apps' stacks are replayed from the per-stack cache.
                var (id, edited) = apps.ElementAt(random.Next(apps.Count));
                if (edited!["type"]!.GetValue<string>() == "api")
                {
                    var variables = edited["env"] as JsonObject ?? [];
                    variables[$"EDITED_{step}"] = $"{step}";
                    edited["env"] = variables;
                }
                else
                {
                    edited["spa"] = !(edited["spa"]?.GetValue<bool>() ?? false);
                }

                edit = $"change a value of one app ({id})";
                break;
            default:
                var first = environments.First().Value!.AsObject();
                first["profile"] = first["profile"]?.GetValue<string>() == "economy" ? "resilient" : "economy";
                edit = "change an environment override (profile)";
                break;
        }

        return (edit, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string StripComments(string text) => string.Join('\n', text.Split('\n').Where(l => !l.StartsWith('#')));

    private static JsonObject Reordered(JsonObject json)
    {
        var reversed = new JsonObject();
        foreach (var (key, value) in json.Reverse().ToList())
        {
            json.Remove(key);
            reversed[key] = value;
        }

        return reversed;
    }

    // The front end checks that each app's source exists beside platform.yaml (TRL2049): the default folder and Dockerfile.
    private static void Scaffold(string folder, string text)
    {
        foreach (var (id, _) in JsonNode.Parse(StripComments(text))!["apps"]!.AsObject())
        {
            Directory.CreateDirectory(Path.Combine(folder, "apps", id));
            File.WriteAllText(Path.Combine(folder, "apps", id, "Dockerfile"), "FROM scratch\n");
        }
    }

    // The sample with its app folders, so that the front end finds their sources.
    private string Write(string name, string text)
    {
        var sample = Path.GetDirectoryName(RepositoryPaths.Sample("desafio-aws"))!;
        foreach (var source in Directory.GetFiles(sample, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(sample, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }

        var path = Path.Combine(root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Stdout) Compile(string file, string outDir, params string[] options)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Cli.Run(["compile", file, "--out", outDir, .. options], stdout, stderr);
        return (code, stdout.ToString() + stderr);
    }

    private static List<string> Files(string folder) => !Directory.Exists(folder) ? [] :
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f))
            .Where(f => !f.StartsWith(CompileCommandCacheFolder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
