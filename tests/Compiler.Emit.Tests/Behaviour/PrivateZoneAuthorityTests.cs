using Trilho.Compiler.Emit;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit.Tests.Behaviour;

/// <summary>
/// Issue 20 defect 2: inside the VPC, Route 53 Resolver answers a name from the most specific private hosted zone
/// associated with the VPC whose name is a suffix of it, and never falls back to public DNS for that zone's names
/// ("Considerations when working with a private hosted zone", Route 53 developer guide:
/// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html). So no public
/// name of the platform may fall inside a private zone, while the database keeps its own name in the domain.
/// </summary>
[Collection(SynthesisGroup.Name)]
public sealed class PrivateZoneAuthorityTests(SynthesisFixture fixture)
{
    // Names a company typically has under its domain besides the platform's own (login, mail, other APIs).
    private static readonly string[] OtherPublicLabels = ["auth", "smtp", "mail", "api", "www", "status"];

    public static TheoryData<string> CaseNames() => new(Directory.EnumerateDirectories(RepositoryPaths.GoldenCases).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void No_public_name_of_the_platform_is_answered_by_a_private_zone(string caseName)
    {
        var platform = FrontEnd.AnalyzeFile(Path.Combine(RepositoryPaths.GoldenCases, caseName, "platform.yaml")).Platform!;
        foreach (var environment in platform.Environments)
        {
            var plan = fixture.Plan(caseName, environment.Name);
            var privateZones = plan.Stacks.Select(Template.Of)
                .SelectMany(t => t.Resources("AWS::Route53::HostedZone"))
                .Where(z => z.Resource["Properties"]!["VPCs"] is not null)
                .Select(z => z.Resource["Properties"]!["Name"]!.GetValue<string>().TrimEnd('.'))
                .ToList();
            if (environment.Domain is not { } domain)
            {
                continue;
            }

            var publicNames = new List<string> { domain };
            publicNames.AddRange(OtherPublicLabels.Select(l => $"{l}.{domain}"));
            if (EmitNames.PublicHost(environment) is { } host)
            {
                publicNames.Add(host);
            }

            foreach (var name in publicNames)
            {
                Assert.True(AuthoritativeZone(privateZones, name) is null, $"{caseName}/{environment.Name}: inside the VPC, {name} is answered by private zone {AuthoritativeZone(privateZones, name)}, not public DNS");
            }

            if (environment.Database is { } database)
            {
                // The promise kept: the database has its own name in the platform's domain, answered privately.
                var dbName = EmitNames.DatabaseHost(environment, database);
                Assert.EndsWith("." + domain, dbName, StringComparison.Ordinal);
                Assert.NotNull(AuthoritativeZone(privateZones, dbName));
            }
        }
    }

    [Theory]
    [InlineData("app.example.com", "example.com")]
    [InlineData("example.com", "example.com")]
    [InlineData("db.internal.example.com", "internal.example.com")]
    [InlineData("internal.example.com", "internal.example.com")]
    [InlineData("xinternal.example.com", "example.com")]
    [InlineData("example.org", null)]
    public void Authority_is_the_most_specific_zone_that_is_a_suffix_on_label_boundaries(string name, string? zone) =>
        Assert.Equal(zone, AuthoritativeZone(["example.com", "internal.example.com"], name));

    /// <summary>The zone Route 53 Resolver answers <paramref name="name"/> from: the longest zone name equal to it or a label-boundary suffix.</summary>
    private static string? AuthoritativeZone(IEnumerable<string> zones, string name) =>
        zones.Where(z => string.Equals(name, z, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + z, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(z => z.Length)
            .FirstOrDefault();
}
