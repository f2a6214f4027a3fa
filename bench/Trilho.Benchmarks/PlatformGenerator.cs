using System.Globalization;
using System.Text;

namespace Trilho.Benchmarks;

/// <summary>Writes a valid platform.yaml with many apps and environments, to measure how cost grows.</summary>
public static class PlatformGenerator
{
    /// <summary>A platform.yaml with <paramref name="apps"/> apps (every fourth static) and <paramref name="environments"/> environments, the last resilient.</summary>
    public static string Generate(int apps, int environments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(apps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(environments, 1);
        var yaml = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        yaml.Append("""
            platform: bench
            region: sa-east-1
            domain: bench.example.com
            locale: pt-BR
            ingress: { host: app, hostedZoneId: Z0BENCH0000000 }
            teams:
              ops: { name: Ops, email: ops@example.com, watchesAll: true }

            """);
        for (var i = 0; i < apps; i++)
        {
            yaml.Append(inv, $"  team{i:D2}: {{ name: Team {i}, email: team{i}@example.com }}\n");
        }

        yaml.Append("apps:\n");
        for (var i = 0; i < apps; i++)
        {
            // Every fourth app is static: the mix of the brief (one frontend per few APIs).
            yaml.Append(i % 4 == 3
                ? string.Create(inv, $"  web{i:D2}: {{ type: static, team: team{i:D2}, path: /web{i:D2} }}\n")
                : string.Create(inv, $"  api{i:D2}: {{ type: api, team: team{i:D2}, path: /api{i:D2}, slo: {{ availability: 99.9, latencyP95Ms: 300 }} }}\n"));
        }

        yaml.Append("database: { access: [api00] }\nenvironments:\n");
        for (var e = 0; e < environments; e++)
        {
            var profile = e == environments - 1 && environments > 1 ? "resilient" : "economy";
            // Each account has its own public zone and name (TRL2018, TRL2019), as a real platform would.
            yaml.Append(inv, $"  env{e}: {{ account: \"{100000000000 + e}\", profile: {profile}, domain: env{e}.bench.example.com, ingress: {{ hostedZoneId: Z0BENCHENV{e:D4} }} }}\n");
        }

        return yaml.ToString();
    }
}
