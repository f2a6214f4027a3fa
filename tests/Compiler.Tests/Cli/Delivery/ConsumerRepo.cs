namespace Trilho.Compiler.Tests.Cli.Delivery;

/// <summary>A repository folder that is not this one: platform.yaml of the shop platform and whatever files a test adds.</summary>
internal static class ConsumerRepo
{
    public const string Platform = """
        platform: shop
        region: sa-east-1
        teams:
          checkout: { name: Checkout, email: checkout@example.com }
          backoffice: { name: Backoffice, email: backoffice@example.com }
        apps:
          orders:
            type: api
            team: checkout
            path: /orders
            source: { path: src/Orders }
          admin:
            type: static
            team: backoffice
            path: /admin
            source: { path: web/dist }
        environments:
          dev: { account: "111111111111" }
        """;

    /// <summary>Writes <paramref name="files"/> (relative path to content) under <paramref name="root"/> beside platform.yaml.</summary>
    public static string Create(string root, string platform = Platform, params (string Path, string Content)[] files)
    {
        Directory.CreateDirectory(root);
        var platformFile = Path.Combine(root, "platform.yaml");
        File.WriteAllText(platformFile, platform);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return platformFile;
    }
}
