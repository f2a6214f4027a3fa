using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Tests.Resolution;

public class ResolverTests
{
    private static ResolvedPlatform Sample()
    {
        var result = FrontEnd.AnalyzeFile(Repository.PathOf("samples", "desafio-aws", "platform.yaml"));
        Assert.Empty(result.Diagnostics);
        return result.Platform!;
    }

    private static ResolvedApiApp Backend(ResolvedPlatform platform, string environment) =>
        platform.Environments.Single(e => e.Name == environment).Apps.OfType<ResolvedApiApp>().Single(a => a.Id == "backend");

    [Fact]
    public void Prod_override_sets_backend_scale_and_size()
    {
        var backend = Backend(Sample(), "prod");
        Assert.Equal((3, 30), (backend.Scale.Min, backend.Scale.Max));
        Assert.Equal((512, 1024), (backend.Cpu, backend.Memory));
    }

    [Fact]
    public void Each_environment_gets_its_own_domain_zone_and_private_names()
    {
        var platform = Sample();
        var dev = platform.Environments.Single(e => e.Name == "dev");
        var prod = platform.Environments.Single(e => e.Name == "prod");
        Assert.Equal(("dev.desafio.example.com", "app", "Z0EXAMPLEDEV01"), (dev.Domain, dev.Ingress.Host, dev.Ingress.HostedZoneId));
        Assert.Equal(("desafio.example.com", "app", "Z0EXAMPLE12345"), (prod.Domain, prod.Ingress.Host, prod.Ingress.HostedZoneId));
        // A subdomain of its own: the private zone must not answer for the public names under the domain.
        Assert.Equal("internal.dev.desafio.example.com", dev.PrivateZoneName);
        Assert.Equal("internal.desafio.example.com", prod.PrivateZoneName);
    }

    [Fact]
    public void Dev_keeps_the_app_values()
    {
        var backend = Backend(Sample(), "dev");
        Assert.Equal((1, 4), (backend.Scale.Min, backend.Scale.Max));
        Assert.Equal("/backend/health/live", backend.HealthCheck);
        Assert.True(backend.DatabaseAccess);
    }

    [Fact]
    public void Profiles_supply_defaults()
    {
        var platform = Sample();
        var dev = platform.Environments.Single(e => e.Name == "dev");
        var prod = platform.Environments.Single(e => e.Name == "prod");
        Assert.Equal((Profile.Economy, false, 1), (dev.Profile, dev.Ingress.Firewall, dev.Network.Nats));
        Assert.Equal((Profile.Resilient, true, 2), (prod.Profile, prod.Ingress.Firewall, prod.Network.Nats));
        Assert.Equal(("db.t4g.micro", false), (dev.Database!.InstanceClass, dev.Database.MultiAz));
        Assert.Equal(("db.t4g.medium", true, 50), (prod.Database!.InstanceClass, prod.Database.MultiAz, prod.Database.StorageGiB));
    }

    [Fact]
    public void Minimal_sample_gets_every_default()
    {
        var result = FrontEnd.AnalyzeFile(Repository.PathOf("samples", "minimal", "platform.yaml"));
        Assert.Empty(result.Diagnostics);
        var env = Assert.Single(result.Platform!.Environments);
        var api = Assert.IsType<ResolvedApiApp>(Assert.Single(env.Apps));
        Assert.Equal((8080, "/api/health", 256, 512, 1, 2), (api.Port, api.HealthCheck, api.Cpu, api.Memory, api.Scale.Min, api.Scale.Max));
        Assert.Equal((99.5, 1000), (api.Slo.Availability, api.Slo.LatencyP95Ms));
        Assert.Equal((Locale.En, (string?)null, (ResolvedDatabase?)null), (env.Locale, env.Domain, env.Database));
    }

    [Theory]
    [InlineData("economy", "", Egress.NatInstance, 1)]
    [InlineData("resilient", "", Egress.NatGateway, 2)]
    [InlineData("economy", ", network: { egress: natGateway }", Egress.NatGateway, 1)]
    [InlineData("resilient", ", network: { egress: natInstance }", Egress.NatInstance, 2)]
    public void Egress_follows_the_profile_unless_the_environment_picks_one(string profile, string network, Egress egress, int nats)
    {
        var text = File.ReadAllText(Repository.PathOf("samples", "minimal", "platform.yaml"))
            .Replace("dev: { account: \"111111111111\" }", $"dev: {{ account: \"111111111111\", profile: {profile}{network} }}", StringComparison.Ordinal);

        var result = FrontEnd.Analyze("platform.yaml", text);

        Assert.Empty(result.Diagnostics);
        var env = Assert.Single(result.Platform!.Environments);
        Assert.Equal((egress, nats), (env.Network.Egress, env.Network.Nats));
    }

    [Theory]
    [InlineData("economy", "", false)]
    [InlineData("resilient", "", true)]
    [InlineData("economy", ", monitoring: { teamDashboards: true }", true)]
    [InlineData("resilient", ", monitoring: { teamDashboards: false }", false)]
    public void Team_dashboards_follow_the_profile_unless_the_environment_picks(string profile, string monitoring, bool teamDashboards)
    {
        var text = File.ReadAllText(Repository.PathOf("samples", "minimal", "platform.yaml"))
            .Replace("dev: { account: \"111111111111\" }", $"dev: {{ account: \"111111111111\", profile: {profile}{monitoring} }}", StringComparison.Ordinal);

        var result = FrontEnd.Analyze("platform.yaml", text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(teamDashboards, Assert.Single(result.Platform!.Environments).TeamDashboards);
    }
}
