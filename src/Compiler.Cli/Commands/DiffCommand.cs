using System.CommandLine;
using Trilho.Compiler.Diagrams;
using Trilho.Compiler.Diff;

namespace Trilho.Compiler.Cli.Commands;

/// <summary>
/// <c>trilho diff &lt;before&gt; &lt;after&gt;</c>: what deploying the after environment folder over the before one
/// adds, removes, modifies or replaces. Exit 0 when no stateful resource is replaced or deleted without acknowledgement,
/// 1 when one is, 2 on usage errors.
/// </summary>
internal sealed class DiffCommand : TrilhoCommand
{
    private readonly Argument<string> _before = new("before/env") { Description = "The compiled environment folder deployed today (e.g. trilho compile of the main branch, or templates fetched from the live stacks: see docs/safe-changes.md)." };

    private readonly Argument<string> _after = new("after/env") { Description = "The compiled environment folder to deploy (e.g. trilho compile of the pull request)." };

    public DiffCommand()
        : base(
            "diff",
            "Print, per stack and resource, what deploying after over before adds, removes, modifies in place or REPLACES, with the property that causes it and whether AWS documents replacement (yes, maybe, no). "
            + "Replacing or deleting a resource that holds data or identity (database, bucket, key, hosted zone, repository, log group...) is an error (TRL6001, TRL6002, exit 1) "
            + "unless environments.<env>.acknowledgedReplacements in platform.yaml lists it. See docs/safe-changes.md.")
    {
        Add(_before);
        Add(_after);
    }

    protected override int Run(ParseResult result, TextWriter stdout, TextWriter stderr)
    {
        var (before, after) = (result.GetRequiredValue(_before), result.GetRequiredValue(_after));
        foreach (var directory in new[] { before, after })
        {
            if (!File.Exists(Path.Combine(directory, CompiledEnvironment.PlanFileName)))
            {
                stderr.WriteLine($"trilho diff: error: no {CompiledEnvironment.PlanFileName} in {directory} (run trilho compile first, or see docs/safe-changes.md for a live stack's templates)");
                return 2;
            }
        }

        EnvironmentDiff diff;
        try
        {
            diff = EnvironmentDiff.Compare(before, after);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or System.Text.Json.JsonException or InvalidOperationException)
        {
            stderr.WriteLine($"trilho diff: error: {e.Message}");
            return 2;
        }

        var report = new DiffReport(diff, diff.After.Split('/')[^1]);
        report.Write(stdout);
        return report.ExitCode;
    }
}
