using System.Net;
using System.Text.RegularExpressions;

namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// Issue 20 defect 1: the container's only writable place is the /tmp bind mount (read-only root, user 1000:1000).
/// What the app can write is checked at start (ASP.NET Core buffers large bodies to TMPDIR), and the image must make
/// the mount writable by construction: on Fargate a bind mount is root-owned 0755 unless the image declares VOLUME at
/// that path over a directory the user can write ("By default, the volume permissions are set to 0755 and the owner
/// as root. These permissions can be customized in the Dockerfile":
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html; example "To expose a path and its
/// contents from a Dockerfile": https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mount-examples.html).
/// </summary>
public sealed class TempDirectoryTests(CompiledSample sample) : IClassFixture<CompiledSample>
{
    [DatabaseFact]
    public async Task The_app_writes_reads_and_removes_a_file_in_its_temp_directory_at_start()
    {
        await using var db = await TestDatabase.CreateAsync();
        var temp = Directory.CreateTempSubdirectory("trilho-tmp-").FullName;
        await using var app = await BackendProcess.StartAsync(db, env => env["TMPDIR"] = temp);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("backend/health/live")).StatusCode);
        // The probe went in and out: the directory is writable and left clean.
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(temp), e => Path.GetFileName(e).StartsWith("trilho-probe-", StringComparison.Ordinal));
        Assert.Contains(app.StdoutLines, l => l.Contains("Temp directory", StringComparison.Ordinal) && l.Contains(temp, StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task An_unwritable_temp_directory_stops_the_app_at_start_with_the_reason()
    {
        await using var db = await TestDatabase.CreateAsync();
        // Under a regular file: not writable for any user, root included (these tests may run as root).
        var file = Path.GetTempFileName();
        await using var app = BackendProcess.Launch(db, env => env["TMPDIR"] = Path.Combine(file, "tmp"));
        await app.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("TMPDIR", app.Output, StringComparison.Ordinal);
        Assert.Contains("VOLUME /tmp", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_declares_the_temp_volume_over_a_directory_the_task_user_can_write()
    {
        var dockerfile = Dockerfile.Parse(File.ReadAllText(Path.Combine(CompiledSample.RepositoryRoot(), "samples", "desafio-aws", "apps", "backend", "Dockerfile")));
        var runtime = dockerfile.Stages[^1];
        var build = dockerfile.Stages.Single(s => s.Name == "build");

        // The task definition: a bind mount (no host path, so on the task's ephemeral storage) at the path the app
        // uses as TMPDIR, the only writable place, with the container running as 1000:1000 over a read-only root.
        Assert.Equal(sample.TempMountPath, sample.Environment["TMPDIR"]);
        Assert.True(sample.ReadonlyRootFilesystem);
        Assert.Equal("1000:1000", sample.User);
        Assert.True(sample.TempVolumeIsBindMount);

        // The image declares VOLUME at that path, after putting a directory there ...
        var volume = runtime.Instructions.FindIndex(i => i.Keyword == "VOLUME" && VolumePaths(i.Arguments).Contains(sample.TempMountPath));
        Assert.True(volume >= 0, "the runtime stage must declare VOLUME " + sample.TempMountPath);
        var copy = runtime.Instructions.FindIndex(i => i.Keyword == "COPY" && CopiesDirectory(i.Arguments, build, sample.TempMountPath, out _));
        Assert.True(copy >= 0 && copy < volume, "the runtime stage must copy the prepared temp directory before VOLUME");

        // ... that the task user can write: owned by 1000:1000, or mode 1777, as prepared in the build stage.
        CopiesDirectory(runtime.Instructions[copy].Arguments, build, sample.TempMountPath, out var source);
        var chown = Regex.Match(runtime.Instructions[copy].Arguments, "--chown=(\\S+)").Groups[1].Value;
        var chmod = build.Instructions.Any(i => i.Keyword == "RUN" && Regex.IsMatch(i.Arguments, $"chmod 1?777 {Regex.Escape(source)}(\\s|$)"));
        Assert.True(chown == sample.User || chmod, $"the temp directory must be owned by {sample.User} or have mode 1777");

        // And the image tells the app where the RDS CA bundle is, for VerifyFull.
        Assert.Contains(runtime.Instructions, i => i.Keyword == "ENV" && i.Arguments.Contains("DB_SSLROOTCERT=/etc/ssl/rds/global-bundle.pem", StringComparison.Ordinal));
    }

    private static IEnumerable<string> VolumePaths(string arguments) =>
        arguments.Trim().StartsWith('[') ? Regex.Matches(arguments, "\"([^\"]+)\"").Select(m => m.Groups[1].Value) : arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when a COPY --from=build puts the build stage's directory <c>X/&lt;name&gt;</c> at <paramref name="path"/>, through its parent (so the directory's own mode travels).</summary>
    private static bool CopiesDirectory(string arguments, Dockerfile.Stage build, string path, out string source)
    {
        source = string.Empty;
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (!arguments.Contains("--from=build", StringComparison.Ordinal) || parts.Count != 2 || parts[1] != "/")
        {
            return false;
        }

        source = parts[0].TrimEnd('/') + path;
        var candidate = source;
        return build.Instructions.Any(i => i.Keyword == "RUN" && i.Arguments.Contains("mkdir -p " + candidate, StringComparison.Ordinal));
    }
}

/// <summary>Just enough of the Dockerfile grammar: stages, instructions, line continuations and comments.</summary>
public sealed class Dockerfile
{
    public sealed record Instruction(string Keyword, string Arguments);

    public sealed record Stage(string? Name, List<Instruction> Instructions);

    public List<Stage> Stages { get; } = [];

    public static Dockerfile Parse(string text)
    {
        var result = new Dockerfile();
        var logical = Regex.Replace(text, "\\\\\\r?\\n", " ");
        foreach (var raw in logical.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var arguments = space < 0 ? string.Empty : Regex.Replace(line[(space + 1)..].Trim(), "\\s+", " ");
            if (keyword == "FROM")
            {
                var name = Regex.Match(arguments, "(?i)\\sAS\\s+(\\S+)$");
                result.Stages.Add(new Stage(name.Success ? name.Groups[1].Value : null, []));
                continue;
            }

            result.Stages[^1].Instructions.Add(new Instruction(keyword, arguments));
        }

        return result;
    }
}
