using System.Globalization;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;
using Trilho.Compiler.Schema;

namespace Trilho.Compiler.Tests.Schema;

/// <summary>
/// The attributes on the model are the one declaration of a field's default, app type and overridability: the
/// descriptions (which the schema and docs/platform-yaml.md show) must say the same, and the resolver must apply it.
/// </summary>
public class ModelFieldTests
{
    private static readonly XmlDocumentation Docs = XmlDocumentation.For(typeof(PlatformSpec).Assembly);

    public static TheoryData<string> Fields()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in All(typeof(PlatformSpec), string.Empty))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void The_description_says_what_the_attributes_declare(string path)
    {
        var field = All(typeof(PlatformSpec), string.Empty).Single(f => f.Path == path).Field;
        var description = Docs.Of(field.Property) ?? string.Empty;

        var saysApiOnly = description.StartsWith("api only:", StringComparison.Ordinal);
        var saysStaticOnly = description.StartsWith("static only:", StringComparison.Ordinal);
        Assert.Equal(field.AppliesTo == AppType.Api, saysApiOnly);
        Assert.Equal(field.AppliesTo == AppType.Static, saysStaticOnly);

        if (field.Default is { } value)
        {
            var text = value is string written ? written : SchemaGenerator.DefaultJson(value).ToJsonString().Trim('"');
            string[] spellings = [$"Default: {text}", $"Default: `{text}`", $"Default: `\"{text}\"`"];
            Assert.True(spellings.Any(s => description.Contains(s, StringComparison.Ordinal)), $"'{path}' declares default {text} but its description says: {description}");
        }

        if (field.ProfileDefault is { } property)
        {
            // Each profile's value, as the description lists it.
            foreach (var profile in new[] { Profile.Economy, Profile.Resilient })
            {
                var defaultValue = typeof(ProfileDefaults).GetProperty(property)!.GetValue(ProfileDefaults.For(profile))!;
                var name = SchemaGenerator.EnumNames(typeof(Profile)).ElementAt((int)profile);
                var shown = defaultValue switch
                {
                    bool b => b ? "on" : "off",
                    Enum e => SchemaGenerator.DefaultJson(e).ToJsonString().Trim('"'),
                    _ => Convert.ToString(defaultValue, CultureInfo.InvariantCulture)!,
                };
                Assert.Contains(name, description, StringComparison.Ordinal);
                Assert.Contains(shown, description, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_minimal_platform_resolves_to_the_declared_defaults()
    {
        var result = FrontEnd.Analyze("platform.yaml", """
            platform: demo
            region: us-east-1
            teams:
              core: { name: Core, email: core@example.com }
            apps:
              api: { type: api, team: core, path: /api }
              web: { type: static, team: core, path: /web }
            database:
              access: [api]
            environments:
              dev: { account: "111111111111" }
            """);
        var environment = Assert.Single(result.Platform!.Environments);
        var api = environment.Apps.OfType<ResolvedApiApp>().Single();
        var web = environment.Apps.OfType<ResolvedStaticApp>().Single();
        var economy = ProfileDefaults.Economy;

        Assert.Equal(Default<AppSpec>("port"), api.Port);
        Assert.Equal(Default<AppSpec>("cpu"), api.Cpu);
        Assert.Equal(Default<AppSpec>("memory"), api.Memory);
        Assert.Equal(economy.ScaleMin, api.Scale.Min);
        Assert.Equal(Default<ScaleSpec>("cpuPercent"), api.Scale.CpuPercent);
        Assert.Equal(Default<ScaleSpec>("requestsPerTask"), api.Scale.RequestsPerTask);
        Assert.Equal(Default<SloSpec>("availability"), api.Slo.Availability);
        Assert.Equal(Default<SloSpec>("latencyP95Ms"), api.Slo.LatencyP95Ms);
        Assert.Equal(Default<AppSpec>("spa"), web.Spa);
        Assert.Equal(Default<AppSpec>("contentSecurityPolicy"), web.ContentSecurityPolicy);
        Assert.Equal(Default<DatabaseSpec>("version"), environment.Database!.Version);
        Assert.Equal(Default<DatabaseSpec>("hostname"), environment.Database.Hostname);
        Assert.Equal(Default<DatabaseSpec>("storageGiB"), environment.Database.StorageGiB);
        Assert.Equal(economy.DatabaseSize, environment.Database.Size);
        Assert.Equal(economy.Firewall, environment.Ingress.Firewall);
        Assert.Equal(Default<PlatformSpec>("locale"), environment.Locale);
        Assert.Equal(Default<EnvironmentSpec>("profile"), environment.Profile);

        // Nothing was written, so each origin is the default.
        Assert.Equal(OriginKind.Default, environment.Origins.Of("apps", "api", "port").Kind);
        Assert.Equal(OriginKind.TopLevel, environment.Origins.Of("apps", "api", "path").Kind);
    }

    private static object? Default<T>(string name) => ModelField.Of(typeof(T)).Single(f => f.Name == name).Default;

    private static IEnumerable<(string Path, ModelField Field)> All(Type type, string prefix)
    {
        foreach (var field in ModelField.Of(type))
        {
            var path = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
            yield return (path, field);
            var nested = field.SectionMapOf ?? (field.IsSection ? field.ValueType : null);
            if (nested is not null)
            {
                foreach (var inner in All(nested, field.SectionMapOf is null ? path : $"{path}.<id>"))
                {
                    yield return inner;
                }
            }
        }
    }
}
