using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>
/// Publishes a static app's build folder under its path in its bucket, then makes it live and tidies up:
/// runs the app's build command; uploads every file except dotfiles, hashed assets first, other files next, HTML
/// pages last (so a page never names an asset that is not there yet), each with its <see cref="CacheRule"/>;
/// invalidates the app's path and waits until CloudFront serves the new release; only then deletes the objects the
/// new release no longer has (the bucket keeps them as noncurrent versions until its lifecycle rule expires them).
/// </summary>
public sealed class StaticPublisher
{
    private const int ParallelUploads = 4;
    private readonly Tools _tools;
    private readonly TextWriter _log;
    private readonly bool _dryRun;

    /// <summary>Prepares a publisher.</summary>
    public StaticPublisher(Tools tools, TextWriter log, bool dryRun)
    {
        _tools = tools ?? throw new ArgumentNullException(nameof(tools));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _dryRun = dryRun;
    }

    /// <summary>Publishes <paramref name="app"/> of <paramref name="environment"/>; source paths are relative to <paramref name="folder"/>.</summary>
    /// <exception cref="DeliveryException">Not a static app, its folder is missing, the platform is not deployed, or AWS refused a call.</exception>
    public void Publish(ResolvedEnvironment environment, string app, ResolvedSource source, string folder)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(source);
        var spec = environment.Apps.FirstOrDefault(a => a.Id == app) as ResolvedStaticApp
            ?? throw new DeliveryException($"no static app '{app}' in platform.yaml (static apps: {string.Join(", ", environment.Apps.OfType<ResolvedStaticApp>().Select(a => a.Id))})");
        var prefix = spec.Path.Trim('/');
        var region = environment.Region;

        if (source.Build is { } build)
        {
            Build(build, folder);
        }

        var root = Path.GetFullPath(Path.Combine(folder, source.Path));
        if (!Directory.Exists(root))
        {
            throw new DeliveryException($"app {app}: the folder to publish, {source.Path} ({root}), does not exist. Build the app first, or set apps.{app}.source.path (and source.build) in platform.yaml.");
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !CacheRule.IsHidden(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new DeliveryException($"app {app}: {source.Path} holds no file to publish");
        }

        var bucket = Output(Emit.EmitNames.AppStack(environment, app), region, "BucketName");
        var distribution = Output(Emit.EmitNames.EdgeStack(environment), region, "DistributionId");
        foreach (var group in files.GroupBy(CacheRule.For).OrderBy(g => g.Key.Order))
        {
            _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"publish-static: {group.Count()} {group.Key.Kind}(s), Cache-Control: {group.Key.CacheControl}"));
            Upload(group.ToList(), group.Key, root, bucket, prefix, region);
        }

        var invalidation = Invalidate(distribution, prefix, wait: true);
        var stale = StaleKeys(bucket, prefix, region, files.Select(f => $"{prefix}/{f}").ToHashSet(StringComparer.Ordinal));
        if (stale.Count > 0)
        {
            Delete(bucket, region, stale);
            // A request between the invalidation and the delete may have cached a removed file again.
            Invalidate(distribution, prefix, wait: false);
        }

        _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"publish-static: {app} published to s3://{bucket}/{prefix}/ ({files.Count} file(s), {stale.Count} removed); /{prefix}/* invalidated on {distribution}{(invalidation is null ? string.Empty : $" ({invalidation})")}"));
    }

    private void Build(string command, string folder)
    {
        // Run in a dry run too: it is local, and what it writes is what the dry run lists.
        _log.WriteLine($"$ {command}   # in {folder}");
        var result = _tools.Run(_tools.Shell, ["-c", command], workingDirectory: folder);
        if (result.Stdout.Trim() is { Length: > 0 } output)
        {
            _log.WriteLine(output);
        }

        if (!result.Succeeded)
        {
            throw new DeliveryException(string.Create(CultureInfo.InvariantCulture, $"the build command failed (exit {result.ExitCode}): {command}\n{result.Stderr.Trim()}"));
        }
    }

    private string Output(string stack, string region, string name)
    {
        if (_dryRun)
        {
            return $"<output {name} of {stack}>";
        }

        var result = Aws("cloudformation", "describe-stacks", "--stack-name", stack, "--region", region, "--query", "Stacks[0]", "--output", "json");
        if (!result.Succeeded)
        {
            throw new DeliveryException(result.Stderr.Contains("does not exist", StringComparison.Ordinal)
                ? $"stack {stack} ({region}) does not exist: deploy the platform first (trilho deploy)"
                : $"cannot read stack {stack} in {region}: {result.Stderr.Trim()}");
        }

        var outputs = JsonNode.Parse(result.Stdout)?["Outputs"] as JsonArray ?? [];
        return outputs.FirstOrDefault(o => DeployPlanFile.Text(o, "OutputKey") == name) is { } found && DeployPlanFile.Text(found, "OutputValue") is { Length: > 0 } value
            ? value
            : throw new DeliveryException($"stack {stack} has no output {name}; deploy the platform first (trilho deploy)");
    }

    private void Upload(List<string> files, CacheRule rule, string root, string bucket, string prefix, string region)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads }, file =>
        {
            var arguments = new List<string>
            {
                "s3", "cp", Path.Combine(root, file), $"s3://{bucket}/{prefix}/{file}",
                "--region", region, "--cache-control", rule.CacheControl, "--only-show-errors",
            };
            if (rule == CacheRule.Html)
            {
                arguments.AddRange(["--content-type", "text/html; charset=utf-8"]);
            }

            var result = Aws([.. arguments]);
            if (!result.Succeeded)
            {
                failures.Add($"{file}: {result.Stderr.Trim()}");
            }
        });
        if (!failures.IsEmpty)
        {
            throw new DeliveryException($"uploading failed, nothing was invalidated or deleted; run again once the cause is fixed:\n  {string.Join("\n  ", failures.Order(StringComparer.Ordinal))}");
        }
    }

    private string? Invalidate(string distribution, string prefix, bool wait)
    {
        var result = Aws("cloudfront", "create-invalidation", "--distribution-id", distribution, "--paths", $"/{prefix}", $"/{prefix}/*", "--output", "json");
        if (!result.Succeeded)
        {
            throw new DeliveryException($"the files are uploaded, but invalidating /{prefix}/* failed: {result.Stderr.Trim()}");
        }

        var id = _dryRun ? null : DeployPlanFile.Text(JsonNode.Parse(result.Stdout)?["Invalidation"], "Id");
        if (wait && id is not null)
        {
            var waited = Aws("cloudfront", "wait", "invalidation-completed", "--distribution-id", distribution, "--id", id);
            if (!waited.Succeeded)
            {
                throw new DeliveryException($"invalidation {id} did not complete: {waited.Stderr.Trim()}; old files were kept. Run again to remove them.");
            }
        }

        return id;
    }

    private List<string> StaleKeys(string bucket, string prefix, string region, HashSet<string> published)
    {
        if (_dryRun)
        {
            Aws("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", $"{prefix}/", "--region", region, "--output", "json");
            return [];
        }

        var result = Aws("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", $"{prefix}/", "--region", region, "--output", "json");
        if (!result.Succeeded)
        {
            throw new DeliveryException($"the new release is live, but listing s3://{bucket}/{prefix}/ to remove old files failed: {result.Stderr.Trim()}");
        }

        // The CLI pages through every result itself; an empty prefix prints nothing at all.
        var contents = string.IsNullOrWhiteSpace(result.Stdout) ? [] : JsonNode.Parse(result.Stdout)?["Contents"] as JsonArray ?? [];
        return contents.Select(o => DeployPlanFile.Text(o, "Key")).OfType<string>().Where(k => !published.Contains(k)).Order(StringComparer.Ordinal).ToList();
    }

    private void Delete(string bucket, string region, List<string> keys)
    {
        // DeleteObjects takes at most 1000 keys per request.
        foreach (var batch in keys.Chunk(1000))
        {
            var request = new JsonObject
            {
                ["Objects"] = new JsonArray(batch.Select(k => (JsonNode)new JsonObject { ["Key"] = k }).ToArray()),
                ["Quiet"] = true,
            };
            var result = Aws("s3api", "delete-objects", "--bucket", bucket, "--region", region, "--delete", request.ToJsonString(), "--output", "json");
            var errors = result.Succeeded && !string.IsNullOrWhiteSpace(result.Stdout) ? JsonNode.Parse(result.Stdout)?["Errors"] as JsonArray : null;
            if (!result.Succeeded || errors is { Count: > 0 })
            {
                throw new DeliveryException($"the new release is live, but removing old files failed: {(result.Succeeded ? errors!.ToJsonString() : result.Stderr.Trim())}");
            }
        }

        _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"publish-static: removed {keys.Count} file(s) the release no longer has: {string.Join(", ", keys.Take(10))}{(keys.Count > 10 ? ", ..." : string.Empty)}"));
    }

    private ProcessResult Aws(params string[] arguments)
    {
        lock (_log)
        {
            _log.WriteLine($"{(_dryRun ? "would run: " : "$ ")}aws {ShellQuote.Join(arguments)}");
        }

        return _dryRun ? new ProcessResult(0, string.Empty, string.Empty) : _tools.Run(_tools.Aws, arguments);
    }
}
