using Trilho.Compiler.Binding;
using Trilho.Compiler.Loading;
using Trilho.Compiler.Model;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Delivery.Tests;

/// <summary>platform.yaml inputs for the tests, bound and resolved the way the compiler does.</summary>
internal static class Platforms
{
    public const string DevAccount = "111111111111";

    /// <summary>Two teams, each with an api app and a static app, so every grant has a neighbour it must not reach.</summary>
    public const string TwoTeams = """
        platform: shop
        region: sa-east-1
        teams:
          orders: { name: Orders, email: orders@example.com }
          payments: { name: Payments, email: payments@example.com }
          noc: { name: NOC, email: noc@example.com, watchesAll: true }
        apps:
          orders: { type: api, team: orders, path: /orders }
          store: { type: static, team: orders, path: /store }
          payments: { type: api, team: payments, path: /payments }
          admin: { type: static, team: payments, path: /admin }
        environments:
          dev: { account: "111111111111" }
          qa: { account: "111111111111" }
          prod: { account: "222222222222", profile: resilient }
        delivery:
          github:
            repository: acme/shop
            environments: [prod]
        """;

    public static (ResolvedPlatform Platform, DeliverySpec Delivery) Load(string yaml)
    {
        var (document, diagnostics) = YamlLoader.Load("platform.yaml", yaml);
        Assert.Empty(diagnostics);
        var platform = EnvironmentResolver.Resolve(ModelBinder.Bind(document!.Root));
        return (platform, platform.Delivery!);
    }

    public static string Sample() => File.ReadAllText(Trilho.Testing.RepositoryRoot.Combine("samples", "desafio-aws", "platform.yaml"));
}
