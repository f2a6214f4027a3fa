using System.Diagnostics;
using System.Globalization;
using Trilho.Compiler.Diagnostics;

namespace Trilho.Compiler.Cli;

/// <summary>
/// AWS CDK runs on Node.js (through jsii); without it the synthesis fails deep inside the runtime with a
/// Win32Exception. Checked before compiling so the user, and MSBuild, read TRL9003 and what to install instead.
/// </summary>
public static class NodeRequirement
{
    /// <summary>The oldest Node.js major version CDK 2.160 runs on.</summary>
    public const int MinimumMajor = 20;

    /// <summary>TRL9003 when the Node.js found on <paramref name="pathVariable"/> is missing or too old, or null when it is fine.</summary>
    public static Diagnostic? Problem(string? pathVariable)
    {
        var node = Find(pathVariable);
        if (node is null)
        {
            return DiagnosticCatalog.NodeRequired.Create(null, MinimumMajor, string.Empty);
        }

        var version = Version(node);
        return version is { } major && major < MinimumMajor
            ? DiagnosticCatalog.NodeRequired.Create(null, MinimumMajor, string.Create(CultureInfo.InvariantCulture, $", but {node} is version {major}"))
            : null;
    }

    private static string? Find(string? pathVariable)
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe", "node.cmd" } : ["node"];
        return (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    private static int? Version(string node)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(node, "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            var text = process!.StandardOutput.ReadToEnd().Trim().TrimStart('v');
            process.WaitForExit();
            return int.TryParse(text.Split('.')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var major) ? major : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
