using System.Text.Json;
using System.Text.Json.Nodes;
using Trilho.Compiler.Validation;

namespace Trilho.Testing;

/// <summary>
/// Random platform.yaml documents that follow the schema (docs/platform-yaml.md), biased to its limits: many teams,
/// names and e-mails at their maximum length, many apps, every optional field sometimes set, numbers at the ends of
/// their ranges. One seed gives one document, always the same one, so a failure is reproduced from its seed alone.
/// Written as JSON, which is YAML, so that escaping never makes a document invalid by accident.
/// </summary>
public static class GeneratedPlatform
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string LowerDigits = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>How many times the CI number of seeds the fuzz tests run: TRILHO_FUZZ_DEPTH, default 1 (README, "Tests").</summary>
    public static int Depth =>
        int.TryParse(Environment.GetEnvironmentVariable("TRILHO_FUZZ_DEPTH"), System.Globalization.CultureInfo.InvariantCulture, out var depth) && depth > 1 ? depth : 1;

    /// <summary>The document of <paramref name="seed"/>. <paramref name="size"/> caps apps and environments: synthesis costs seconds per app stack.</summary>
    public static string Generate(int seed, GeneratedSize size)
    {
        var random = new Random(seed);
        var root = new JsonObject
        {
            ["platform"] = Id(random, 2, 20),
            ["region"] = Pick(random, KnownRegions.All),
        };
        Maybe(random, root, "locale", () => Pick(random, ["en", "pt-BR"]));
        string? domain = null;
        if (random.Next(3) == 0)
        {
            domain = Domain(random);
            root["domain"] = domain;
        }

        var teams = new JsonObject();
        var teamIds = Distinct(random, random.Next(1, size.MaxTeams + 1), r => Id(r, 1, 24));
        foreach (var id in teamIds)
        {
            var team = new JsonObject
            {
                ["name"] = Text(random, random.Next(3) == 0 ? 64 : random.Next(1, 65)),
                ["email"] = Email(random),
            };
            Maybe(random, team, "phone", () => "+" + random.Next(1, 10) + new string(Enumerable.Range(0, random.Next(5, 25)).Select(_ => "0123456789 ()-"[random.Next(14)]).ToArray()));
            Maybe(random, team, "watchesAll", () => random.Next(2) == 0);
            teams[id] = team;
        }

        root["teams"] = teams;
        if (domain is not null || random.Next(4) == 0)
        {
            var ingress = new JsonObject();
            if (domain is not null)
            {
                ingress["hostedZoneId"] = "Z" + Chars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", random.Next(1, 32));
                Maybe(random, ingress, "host", () => Label(random));
                Maybe(random, ingress, "certificateArn", () => $"arn:aws:acm:us-east-1:{Digits(random, 12)}:certificate/{Chars(random, "0123456789abcdef-", 36)}");
            }

            Maybe(random, ingress, "firewall", () => random.Next(2) == 0);
            root["ingress"] = ingress;
        }

        var apps = new JsonObject();
        var appIds = Distinct(random, random.Next(1, size.MaxApps + 1), r => Id(r, 1, 24));
        var apiIds = new List<string>();
        foreach (var id in appIds)
        {
            var api = random.Next(3) != 0;
            var app = new JsonObject
            {
                ["type"] = api ? "api" : "static",
                ["team"] = Pick(random, teamIds),
                ["path"] = AppPath(random, id),
            };
            if (api)
            {
                apiIds.Add(id);
                Api(random, app, id);
            }
            else
            {
                Maybe(random, app, "spa", () => random.Next(2) == 0);
                Maybe(random, app, "contentSecurityPolicy", () => Chars(random, " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~", random.Next(2) == 0 ? 1782 : random.Next(0, 1783)).Trim() + "x");
            }

            Maybe(random, app, "slo", () => api
                ? new JsonObject { ["availability"] = Pick(random, [0.001, 50.0, 99.5, 99.9, 99.999, 99.99999]), ["latencyP95Ms"] = Pick(random, [1, 100, 1000, 600000]) }
                : new JsonObject { ["availability"] = Pick(random, [0.001, 99.5, 99.99999]) });
            apps[id] = app;
        }

        root["apps"] = apps;
        if (random.Next(2) == 0)
        {
            var database = new JsonObject();
            Maybe(random, database, "engine", () => "postgres");
            Maybe(random, database, "version", () => Pick(random, ["16", "17", "16.4"]));
            Maybe(random, database, "hostname", () => Label(random));
            Maybe(random, database, "size", () => Pick(random, ["micro", "small", "medium", "large", "xlarge"]));
            Maybe(random, database, "storageGiB", () => Pick(random, [20, 100, 16384, random.Next(20, 16385)]));
            if (apiIds.Count > 0)
            {
                database["access"] = new JsonArray(apiIds.Where(_ => random.Next(3) != 0).Select(a => (JsonNode)a).ToArray());
            }

            root["database"] = database;
        }

        var environments = new JsonObject();
        var environmentIds = Distinct(random, random.Next(1, size.MaxEnvironments + 1), r => Chars(r, Lower, 1) + (r.Next(2) == 0 ? string.Empty : Chars(r, LowerDigits, r.Next(0, 11)) + Chars(r, Lower, 1)));
        foreach (var id in environmentIds)
        {
            var environment = new JsonObject { ["account"] = Digits(random, 12) };
            if (domain is not null && environments.Count > 0)
            {
                // Each environment answers on its own name, in a zone of its own account (TRL2018, TRL2019).
                environment["domain"] = id + "." + domain;
                environment["ingress"] = new JsonObject { ["hostedZoneId"] = "Z" + Chars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", random.Next(1, 32)) };
            }

            Maybe(random, environment, "profile", () => Pick(random, ["economy", "resilient"]));
            Maybe(random, environment, "region", () => Pick(random, KnownRegions.All));
            if (random.Next(3) == 0 && apiIds.Count > 0)
            {
                var overrideId = Pick(random, apiIds);
                var over = new JsonObject();
                Scale(random, over);
                environment["apps"] = new JsonObject { [overrideId] = over };
            }

            environments[id] = environment;
        }

        root["environments"] = environments;
        Maybe(random, root, "usage", () => new JsonObject
        {
            ["requestsPerMonth"] = Pick(random, [0L, 1_000_000L, 10_000_000_000_000L]),
            ["apiRequestsPercent"] = random.Next(0, 101),
            ["gbOutPerMonth"] = Pick(random, [0.0, 10.5, 1e9]),
            ["logGbPerMonth"] = Pick(random, [0.0, 1e9]),
        });
        if (random.Next(3) == 0)
        {
            var github = new JsonObject
            {
                ["repository"] = Chars(random, Lower, 1) + Chars(random, LowerDigits + "-", random.Next(0, 38)) + "/" + Chars(random, LowerDigits + "._-", random.Next(1, 101)),
            };
            Maybe(random, github, "branch", () => Chars(random, LowerDigits + "._/-", random.Next(1, 101)));
            Maybe(random, github, "environments", () => new JsonArray(environmentIds.Where(_ => random.Next(2) == 0).Select(e => (JsonNode)e).ToArray()));
            Maybe(random, github, "createOidcProvider", () => random.Next(2) == 0);
            root["delivery"] = new JsonObject { ["github"] = github };
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static void Api(Random random, JsonObject app, string id)
    {
        Maybe(random, app, "port", () => Pick(random, [1, 80, 8080, 65535]));
        Maybe(random, app, "healthCheck", () => "/" + Chars(random, LowerDigits + "/-._~", random.Next(0, 255)));
        if (random.Next(2) == 0)
        {
            var cpu = Pick(random, [256, 512, 1024, 2048, 4096]);
            app["cpu"] = cpu;
            app["memory"] = Pick(random, FargateSizes.MemoryFor(cpu));
        }

        Scale(random, app);
        if (random.Next(2) == 0)
        {
            var env = new JsonObject();
            foreach (var name in Distinct(random, random.Next(1, 20), r => "V" + Chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789", r.Next(0, 60))))
            {
                env[name] = Chars(random, LowerDigits + " ./:-", random.Next(1, 300));
            }

            app["env"] = env;
        }

        Maybe(random, app, "secrets", () => new JsonObject { ["API_TOKEN"] = id + "/token" });
    }

    private static void Scale(Random random, JsonObject target)
    {
        if (random.Next(2) == 0)
        {
            var min = Pick(random, [1, 2, 50, 100]);
            target["scale"] = new JsonObject
            {
                ["min"] = min,
                ["max"] = random.Next(min, 101),
                ["cpuPercent"] = Pick(random, [10, 60, 90]),
                ["requestsPerTask"] = Pick(random, [1, 500, 100000]),
            };
        }
    }

    private static string AppPath(Random random, string id)
    {
        // The app id as first segment keeps paths of different apps from nesting; the rest goes up to the 128 limit.
        var path = "/" + id;
        if (random.Next(2) == 0)
        {
            path += "/" + Chars(random, LowerDigits + "-_.~", Math.Max(1, random.Next(1, 127 - path.Length)));
        }

        return path;
    }

    private static string Domain(Random random)
    {
        // Mostly names a certificate can carry (TRL2060 limits the public name to 64 characters), sometimes the longest labels.
        var labels = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(6) == 0 ? Label(random) : Chars(random, Lower, random.Next(1, 12))).ToList();
        labels.Add(Chars(random, Lower, random.Next(2, 7)));
        return string.Join('.', labels);
    }

    private static string Label(Random random)
    {
        var length = random.Next(3) == 0 ? 63 : random.Next(1, 64);
        return length == 1 ? Chars(random, LowerDigits, 1) : Chars(random, LowerDigits, 1) + Chars(random, LowerDigits + "-", length - 2) + Chars(random, LowerDigits, 1);
    }

    private static string Email(Random random)
    {
        // Long (a 64-character local part and a 63-character label) or ordinary.
        var local = Chars(random, LowerDigits + "._+-", random.Next(3) == 0 ? 64 : random.Next(1, 30));
        var host = Label(random) + "." + Chars(random, Lower, random.Next(2, 6));
        return local + "@" + host;
    }

    private static string Id(Random random, int min, int max)
    {
        var length = random.Next(3) == 0 ? max : random.Next(min, max + 1);
        return length == 1 ? Chars(random, Lower, 1) : Chars(random, Lower, 1) + Chars(random, LowerDigits + "-", length - 2) + Chars(random, LowerDigits, 1);
    }

    private static string Text(Random random, int length) =>
        Chars(random, "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'&çãéõ", length - 1) + "x";

    private static string Digits(Random random, int length) => Chars(random, "0123456789", length);

    private static string Chars(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, Math.Max(0, length)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static List<string> Distinct(Random random, int count, Func<Random, string> next)
    {
        var items = new List<string>();
        for (var attempt = 0; items.Count < count && attempt < count * 10; attempt++)
        {
            var item = next(random);
            if (!items.Contains(item, StringComparer.Ordinal))
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static void Maybe(Random random, JsonObject target, string key, Func<JsonNode> value)
    {
        if (random.Next(2) == 0)
        {
            target[key] = value();
        }
    }
}

/// <summary>How large generated platforms may get.</summary>
/// <param name="MaxTeams">At most this many teams.</param>
/// <param name="MaxApps">At most this many apps.</param>
/// <param name="MaxEnvironments">At most this many environments.</param>
public sealed record GeneratedSize(int MaxTeams, int MaxApps, int MaxEnvironments)
{
    /// <summary>For the front end, where size costs little.</summary>
    public static GeneratedSize Large { get; } = new(24, 12, 3);

    /// <summary>For full synthesis, where each app adds stacks that take seconds.</summary>
    public static GeneratedSize Synthesizable { get; } = new(12, 3, 1);
}
