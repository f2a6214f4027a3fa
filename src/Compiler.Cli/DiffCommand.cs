using Trilho.Compiler.Diagrams;
using Trilho.Compiler.Diff;

namespace Trilho.Compiler.Cli;

/// <summary>
/// <c>trilho diff &lt;before&gt; &lt;after&gt;</c>: what deploying the after environment folder over the before one
/// adds, removes, modifies or replaces. Exit 0 when no stateful resource is replaced or deleted without acknowledgement,
/// 1 when one is, 2 on usage errors.
/// </summary>
public static class DiffCommand
{
    /// <summary>The command's help text.</summary>
    public const string Usage = """
        usage: trilho diff <before>/<env> <after>/<env>

        Compares two compiled environment folders (deploy-plan.json and the templates, e.g. trilho compile of the
        main branch and of a pull request) and prints, per stack and resource, what is added, removed, modified in
        place or REPLACED, with the property that causes it and whether AWS documents replacement (yes, maybe, no).
        Replacing or deleting a resource that holds data or identity (database, bucket, key, hosted zone, repository,
        log group...) is an error (TRL6001, TRL6002) unless environments.<env>.acknowledgedReplacements in
        platform.yaml lists it. Exit 0: nothing unacknowledged destroys data; 1: something does. See docs/diff.md.
        """;

    /// <summary>Runs the command with its arguments (after the word <c>diff</c>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args is not [var before, var after] || before.StartsWith('-') || after.StartsWith('-'))
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        foreach (var directory in new[] { before, after })
        {
            if (!File.Exists(Path.Combine(directory, CompiledEnvironment.PlanFileName)))
            {
                stderr.WriteLine($"trilho diff: error: no {CompiledEnvironment.PlanFileName} in {directory} (run trilho compile first, or see docs/diff.md for a live stack's templates)");
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
