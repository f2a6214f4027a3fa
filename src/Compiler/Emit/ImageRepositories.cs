using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Constructs;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Emit;

/// <summary>One image repository per api app. They live in the shared stack so images can be pushed before the app stacks deploy.</summary>
public sealed class ImageRepositories : Construct
{
    private readonly Dictionary<string, Repository> repositories = new(StringComparer.Ordinal);

    /// <summary>Creates a repository for each api app of <paramref name="environment"/>.</summary>
    public ImageRepositories(Construct scope, string id, ResolvedEnvironment environment)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var app in environment.Apps.OfType<ResolvedApiApp>())
        {
            repositories[app.Id] = new Repository(this, EmitNames.Pascal(app.Id), new RepositoryProps
            {
                RepositoryName = EmitNames.Repository(environment, app.Id),
                ImageScanOnPush = true,
                ImageTagMutability = TagMutability.IMMUTABLE,
                Encryption = RepositoryEncryption.AES_256,
                // Images outlive a stack deletion: they are the release history. A rolled-back FIRST create
                // deletes the still-empty repository, so the retry can create the same name (ADR 0012).
                RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
                LifecycleRules =
                [
                    new LifecycleRule { Description = "Drop untagged layers after a week", TagStatus = TagStatus.UNTAGGED, MaxImageAge = Duration.Days(7) },
                    new LifecycleRule { Description = "Keep the 50 newest images", TagStatus = TagStatus.ANY, MaxImageCount = 50 },
                ],
            });
        }
    }

    /// <summary>The repository of an api app.</summary>
    public Repository For(string appId) => repositories[appId];
}
