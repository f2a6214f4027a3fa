using System.Text;
using System.Text.Json;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Tests.Resolution;

/// <summary>
/// Every field an environment may override, enumerated from the model (not listed by hand): an override of it in
/// <c>environments.dev</c> must reach the resolved environment and be recorded as coming from the override. A new
/// overridable field fails here until it has a sample value below, and passes only if the merge honours it.
/// </summary>
public class OverrideCoverageTests
{
    private const string Base = """
        platform: demo
        region: us-east-1
        domain: example.com
        ingress:
          hostedZoneId: Z0EXAMPLE
        teams:
          core:
            name: Core
            email: core@example.com
          other:
            name: Other
            email: other@example.com
        apps:
          api:
            type: api
            team: core
            path: /api
            memory: 1024
          web:
            type: static
            team: core
            path: /web
        database:
          storageGiB: 20
        environments:
          dev:
            account: "111111111111"

        """;

    // A valid value different from the top-level one and the default, as YAML, by field (apps.* fields of the app type they apply to).
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["region"] = "eu-west-1",
        ["domain"] = "other.example.com",
        ["ingress.host"] = "www",
        ["ingress.hostedZoneId"] = "Z0OTHER",
        ["ingress.certificateArn"] = "arn:aws:acm:us-east-1:111111111111:certificate/abc",
        ["ingress.firewall"] = "true",
        ["apps.team"] = "other",
        ["apps.path"] = "/moved",
        ["apps.port"] = "9090",
        ["apps.healthCheck"] = "/api/ready",
        ["apps.cpu"] = "512",
        ["apps.memory"] = "2048",
        ["apps.scale.min"] = "2",
        ["apps.scale.max"] = "5",
        ["apps.scale.cpuPercent"] = "70",
        ["apps.scale.requestsPerTask"] = "900",
        ["apps.env"] = "{ FEATURE: \"on\" }",
        ["apps.secrets"] = "{ API_CONFIG: demo/api }",
        ["apps.spa"] = "true",
        ["apps.contentSecurityPolicy"] = "\"default-src 'none'\"",
        ["apps.slo.availability"] = "99.9",
        ["apps.slo.latencyP95Ms"] = "500",
        ["database.engine"] = "postgres",
        ["database.version"] = "\"15\"",
        ["database.hostname"] = "data",
        ["database.size"] = "medium",
        ["database.storageGiB"] = "40",
        ["database.access"] = "[api]",
    };

    // Fields with a single allowed value cannot change the resolved model; only their origin can be checked.
    private static readonly string[] SingleValued = ["database.engine"];

    public static TheoryData<string> OverridableFields()
    {
        var data = new TheoryData<string>();
        foreach (var field in Leaves())
        {
            data.Add(field);
        }

        return data;
    }

    [Fact]
    public void Every_overridable_field_has_a_sample_and_every_sample_is_a_field()
    {
        var fields = Leaves().ToList();
        Assert.Empty(fields.Except(Samples.Keys));
        Assert.Empty(Samples.Keys.Except(fields));
    }

    [Theory]
    [MemberData(nameof(OverridableFields))]
    public void An_environment_override_of_the_field_reaches_the_resolved_model(string field)
    {
        Assert.True(Samples.ContainsKey(field), $"add an override sample for '{field}' to {nameof(Samples)}");
        var before = Resolve(Base);
        var after = Resolve(Base + Override(field, Samples[field]));

        if (!SingleValued.Contains(field))
        {
            Assert.NotEqual(Snapshot(before), Snapshot(after));
        }

        var origin = after.Origins.OfField(FieldPointer(field));
        Assert.Equal(OriginKind.Override, origin.Kind);
        Assert.StartsWith("/environments/dev/", origin.Pointer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_marked_not_overridable_keeps_the_top_level_value()
    {
        Assert.Equal(["source", "type"], ModelField.Of(typeof(AppSpec)).Where(f => !f.Overridable).Select(f => f.Name).Order(StringComparer.Ordinal));
        var result = FrontEnd.Analyze("platform.yaml", Base + "    apps:\n      api:\n        source:\n          path: elsewhere\n");
        Assert.Contains(result.Diagnostics, d => d.Id == "TRL2045");
    }

    // The leaves under each environment property that overrides a top-level one, as "section.field" (app ids left out).
    private static IEnumerable<string> Leaves()
    {
        foreach (var field in ModelField.Of(typeof(EnvironmentSpec)).Where(f => f.OverridesTopLevel))
        {
            var type = field.SectionMapOf ?? (field.IsSection ? field.ValueType : null);
            if (type is null)
            {
                yield return field.Name;
                continue;
            }

            foreach (var leaf in Leaves(type, field.Name))
            {
                yield return leaf;
            }
        }
    }

    private static IEnumerable<string> Leaves(Type type, string prefix)
    {
        foreach (var field in ModelField.Of(type).Where(f => f.Overridable))
        {
            var name = $"{prefix}.{field.Name}";
            if (field.IsSection)
            {
                foreach (var leaf in Leaves(field.ValueType, name))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return name;
            }
        }
    }

    private static ResolvedEnvironment Resolve(string yaml)
    {
        var result = FrontEnd.Analyze("platform.yaml", yaml);
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == Trilho.Compiler.Diagnostics.DiagnosticSeverity.Error).Select(d => d.ToCanonicalString()));
        return Assert.Single(result.Platform!.Environments);
    }

    private static string AppOf(string field) =>
        ModelField.Of(typeof(AppSpec)).Single(f => f.Name == field.Split('.')[1]).AppliesTo == AppType.Static ? "web" : "api";

    // apps.scale.min -> /apps/api/scale/min
    private static string FieldPointer(string field)
    {
        var segments = field.Split('.').ToList();
        if (segments[0] == "apps")
        {
            segments.Insert(1, AppOf(field));
        }

        return "/" + string.Join('/', segments);
    }

    // The override as YAML under environments.dev, e.g. "    apps:\n      api:\n        scale:\n          min: 2\n".
    private static string Override(string field, string value)
    {
        var segments = FieldPointer(field).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var yaml = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            yaml.Append(new string(' ', 4 + (2 * i))).Append(segments[i]).Append(':');
            yaml.Append(i == segments.Length - 1 ? $" {value}\n" : "\n");
        }

        return yaml.ToString();
    }

    private static string Snapshot(ResolvedEnvironment environment) => JsonSerializer.Serialize(new
    {
        environment.Region,
        environment.Domain,
        environment.Ingress,
        environment.Database,
        environment.Teams,
        Apps = environment.Apps.Cast<object>().ToList(),
    });
}
