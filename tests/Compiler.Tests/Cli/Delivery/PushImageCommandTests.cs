using System.Text.Json.Nodes;
using static Trilho.Compiler.Tests.Cli.Delivery.FakeAws;

namespace Trilho.Compiler.Tests.Cli.Delivery;

/// <summary><c>trilho push-image</c> and <c>trilho deploy --push-from</c> against the fake AWS CLI and a fake Docker.</summary>
public sealed class PushImageCommandTests
{
    private const string Repository = "111111111111.dkr.ecr.sa-east-1.amazonaws.com/shop-dev/orders";

    [Fact]
    public void Builds_the_dockerfile_of_the_apps_source_for_linux_amd64_and_pushes_it_to_the_apps_repository()
    {
        using var aws = new FakeAws();
        var root = Path.Combine(aws.Folder, "repo");
        var platform = ConsumerRepo.Create(root, files: [("src/Orders/Dockerfile", "FROM scratch"), ("web/dist/index.html", "x")]);
        var (code, output, error) = aws.Run("push-image", platform, "--env", "dev", "--app", "orders", "--tag", "abc123");
        Assert.True(code == 0, error + output);

        var exists = aws.Calls.Single(c => c is ["ecr", "describe-images", ..]);
        Assert.Equal(("shop-dev/orders", "imageTag=abc123", "sa-east-1"), (Flag(exists, "--repository-name"), Flag(exists, "--image-ids"), Flag(exists, "--region")));
        var docker = aws.DockerCalls;
        Assert.Equal(3, docker.Count);
        Assert.StartsWith("login --username AWS --password-stdin 111111111111.dkr.ecr.sa-east-1.amazonaws.com stdin=fake-registry-token config=", docker[0], StringComparison.Ordinal);
        Assert.DoesNotContain("config=none", docker[0], StringComparison.Ordinal);
        Assert.Equal($"build --platform linux/amd64 -f {Path.Combine(root, "src", "Orders", "Dockerfile")} -t {Repository}:abc123 {Path.Combine(root, "src", "Orders")}", docker[1]);
        Assert.Equal($"push {Repository}:abc123", docker[2]);
        // The registry token lived in a private Docker config, removed after the push.
        Assert.False(Directory.Exists(docker[0][(docker[0].IndexOf("config=", StringComparison.Ordinal) + 7)..]));
    }

    [Fact]
    public void A_tag_that_exists_is_not_built_again()
    {
        using var aws = new FakeAws(new JsonObject { ["images"] = new JsonArray("shop-dev/orders:abc123") });
        var platform = ConsumerRepo.Create(Path.Combine(aws.Folder, "repo"), files: [("src/Orders/Dockerfile", "FROM scratch"), ("web/dist/index.html", "x")]);
        var (code, output, _) = aws.Run("push-image", platform, "--env", "dev", "--app", "orders", "--tag", "abc123");
        Assert.Equal(0, code);
        Assert.Contains("exists already", output, StringComparison.Ordinal);
        Assert.Empty(aws.DockerCalls);
    }

    [Fact]
    public void A_failing_build_fails_the_command_with_the_tools_output()
    {
        using var aws = new FakeAws();
        var platform = ConsumerRepo.Create(Path.Combine(aws.Folder, "repo"), files: [("src/Orders/Dockerfile", "FROM scratch"), ("web/dist/index.html", "x")]);
        var (code, _, error) = aws.RunWith(new Dictionary<string, string> { ["FAKE_DOCKER_FAIL"] = "build" }, "push-image", platform, "--env", "dev", "--app", "orders", "--tag", "t1");
        Assert.Equal(1, code);
        Assert.Contains("docker build failed", error, StringComparison.Ordinal);
        Assert.Contains("fake docker: build failed", error, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.DockerCalls, c => c.StartsWith("push", StringComparison.Ordinal));
    }

    [Fact]
    public void Deploy_push_from_builds_each_new_image_from_platform_yaml_at_the_push_step()
    {
        using var aws = new FakeAws();
        var root = Path.Combine(aws.Folder, "repo");
        var platform = ConsumerRepo.Create(
            root,
            ConsumerRepo.Platform.Replace("platform: shop", "platform: desafio", StringComparison.Ordinal).Replace("orders:", "backend:", StringComparison.Ordinal),
            ("src/Orders/Dockerfile", "FROM scratch"),
            ("web/dist/index.html", "x"));
        var (code, output, error) = aws.Run("deploy", Plan, "--default-image-tag", "sha9", "--push-from", platform);
        Assert.True(code == 0, error + output);
        Assert.Contains(aws.DockerCalls, c => c == "push 111111111111.dkr.ecr.sa-east-1.amazonaws.com/desafio-dev/backend:sha9");
        Assert.Contains("ImageTag=sha9", Overrides(aws.Deploys.Single(c => Flag(c, "--stack-name") == "desafio-dev-app-backend")));
    }
}
