using System.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Trilho.Compiler.MSBuild;

/// <summary>
/// Runs <c>dotnet trilho.dll compile</c> and turns its canonical diagnostic lines into MSBuild errors and
/// warnings with code, file, line and column, so IDEs and CI jump to the line and <c>-warnaserror:TRLxxxx</c> works.
/// </summary>
public sealed class TrilhoCompile : ToolTask
{
    /// <summary>Build-integration error: the compiler failed without printing a diagnostic.</summary>
    internal const string CompilerFailedCode = "TRL9001";

    // jsii prints a multi-line banner on stderr for Node versions it no longer tests; it is noise in a build log.
    private const string SilenceNodeBannerVariable = "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION";

    // Prefixes of the compiler's non-diagnostic output lines (Trilho.Compiler.Cli.Commands.CompileCommand).
    private const string SummaryPrefix = "trilho: ";
    private const string WrotePrefix = "wrote ";

    private const string PlanFileName = "deploy-plan.json";

    private readonly List<string> _lastOutputLines = [];
    private string? _currentEnvironment;

    // Set while the task runs trilho diff of one environment against the baseline: (baseline folder, new folder).
    private (string Before, string After)? _diff;

    /// <summary>The platform.yaml to compile; a relative path resolves against <see cref="ProjectDirectory"/>.</summary>
    [Required]
    public string PlatformFile { get; set; } = "";

    /// <summary>Folder that receives one sub-folder of templates per environment.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>Folder holding trilho.dll and its dependencies.</summary>
    [Required]
    public string CompilerDirectory { get; set; } = "";

    /// <summary>Directory of the project being built; relative paths in diagnostics resolve against it.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Environments to compile, one compiler run each; empty compiles every environment in one run.</summary>
    public ITaskItem[] Environments { get; set; } = [];

    /// <summary>Extension assemblies (<c>TrilhoExtension</c> items), passed in order as <c>--extension</c>; relative paths resolve against <see cref="ProjectDirectory"/>.</summary>
    public ITaskItem[] Extensions { get; set; } = [];

    /// <summary>
    /// Optional folder of a previous compile (one sub-folder per environment, as <see cref="OutputDirectory"/>). When
    /// set, each compiled environment that the baseline has too is compared with it by <c>trilho diff</c> after the
    /// compile, and its TRL6xxx diagnostics (an unacknowledged replacement or deletion of a stateful resource is an
    /// error) are reported in the build. Empty (default): no comparison.
    /// </summary>
    public string Baseline { get; set; } = "";

    /// <summary>
    /// Folder of the synthesis cache, passed as <c>--cache</c>; the targets pass <c>obj/trilho/cache/</c>. Empty: <c>--no-cache</c>,
    /// so that the compiler never writes its default cache folder into <see cref="OutputDirectory"/>, whose files the targets list as outputs.
    /// </summary>
    public string CacheDirectory { get; set; } = "";

    /// <summary>
    /// The dotnet host that starts the compiler: the targets pass <c>$(DOTNET_HOST_PATH)</c>, or, where MSBuild does not
    /// set it (the .NET Framework MSBuild of Visual Studio), the <c>dotnet</c> of the .NET SDK the build resolved
    /// (<c>$(NetCoreRoot)</c>). Empty or missing: <c>DOTNET_HOST_PATH</c> from the environment, then <c>PATH</c>.
    /// </summary>
    public string DotnetHost { get; set; } = "";

    /// <inheritdoc />
    // Environment.OSVersion, not OperatingSystem.IsWindows: the task also builds for .NET Framework 4.7.2.
    protected override string ToolName => Environment.OSVersion.Platform == PlatformID.Win32NT ? "dotnet.exe" : "dotnet";

    /// <inheritdoc />
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Normal;

    /// <inheritdoc />
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    /// <inheritdoc />
    public override bool Execute()
    {
        if (Environments.Length == 0)
        {
            if (!base.Execute())
            {
                return false;
            }
        }

        foreach (var environment in Environments)
        {
            _currentEnvironment = environment.ItemSpec;
            if (!base.Execute())
            {
                return false;
            }
        }

        _currentEnvironment = null;
        return string.IsNullOrEmpty(Baseline) || CompareWithBaseline();
    }

    /// <summary>Runs trilho diff per compiled environment against the baseline; every environment is compared, then the result is reported.</summary>
    private bool CompareWithBaseline()
    {
        var output = ResolveAgainstProject(OutputDirectory);
        var baseline = ResolveAgainstProject(Baseline);
        var listed = Environments.Select(e => e.ItemSpec).ToHashSet(StringComparer.Ordinal);
        var compiled = Directory.Exists(output)
            ? Directory.GetDirectories(output).Where(d => File.Exists(Path.Combine(d, PlanFileName))).Select(Path.GetFileName).OfType<string>()
                .Where(e => listed.Count == 0 || listed.Contains(e)).OrderBy(e => e, StringComparer.Ordinal).ToList()
            : [];
        var succeeded = true;
        foreach (var environment in compiled)
        {
            var before = Path.Combine(baseline, environment);
            if (!File.Exists(Path.Combine(before, PlanFileName)))
            {
                Log.LogMessage(MessageImportance.High, "trilho: {0} is not in the baseline {1}: not compared", environment, baseline);
                continue;
            }

            _diff = (before, Path.Combine(output, environment));
            succeeded &= base.Execute();
        }

        _diff = null;
        return succeeded;
    }

    /// <inheritdoc />
    protected override string GenerateFullPathToTool()
    {
        if (!string.IsNullOrEmpty(DotnetHost) && File.Exists(DotnetHost))
        {
            return DotnetHost;
        }

        // dotnet build sets DOTNET_HOST_PATH to the dotnet running the build, so the compiler runs on the same runtime.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split([Path.PathSeparator], StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, ToolName))
            .FirstOrDefault(File.Exists) ?? ToolName;
    }

    /// <inheritdoc />
    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendFileNameIfNotNull(Path.Combine(CompilerDirectory, "trilho.dll"));
        if (_diff is var (before, after))
        {
            builder.AppendSwitch("diff");
            builder.AppendFileNameIfNotNull(before);
            builder.AppendFileNameIfNotNull(after);
            return builder.ToString();
        }

        builder.AppendSwitch("compile");
        builder.AppendFileNameIfNotNull(ResolveAgainstProject(PlatformFile));
        builder.AppendSwitchIfNotNull("--out ", ResolveAgainstProject(OutputDirectory));
        if (string.IsNullOrEmpty(CacheDirectory))
        {
            builder.AppendSwitch("--no-cache");
        }
        else
        {
            builder.AppendSwitchIfNotNull("--cache ", ResolveAgainstProject(CacheDirectory));
        }

        builder.AppendSwitchIfNotNull("--env ", _currentEnvironment);
        foreach (var extension in Extensions)
        {
            builder.AppendSwitchIfNotNull("--extension ", ResolveAgainstProject(extension.ItemSpec));
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    protected override string GetWorkingDirectory() => ProjectDirectory;

    /// <inheritdoc />
    /// <remarks>ToolTask logs the command line at high importance; it is detail, so it shows only at detailed verbosity.</remarks>
    protected override void LogToolCommand(string message) => Log.LogCommandLine(MessageImportance.Low, message);

    /// <inheritdoc />
    protected override ProcessStartInfo GetProcessStartInfo(string pathToTool, string commandLineCommands, string responseFileSwitch)
    {
        var startInfo = base.GetProcessStartInfo(pathToTool, commandLineCommands, responseFileSwitch);
        if (!startInfo.Environment.ContainsKey(SilenceNodeBannerVariable))
        {
            startInfo.Environment[SilenceNodeBannerVariable] = "20";
        }

        _lastOutputLines.Clear();
        return startInfo;
    }

    /// <inheritdoc />
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        var line = singleLine is null ? null : CanonicalLine.TryParse(singleLine);
        if (line is null)
        {
            // Not through the base class: it would turn any "x: error: y" line into an error without a code.
            RememberOutput(singleLine);
            Log.LogMessage(ImportanceOf(singleLine, messageImportance), "{0}", singleLine);
            return;
        }

        var file = line.File is null ? ResolveAgainstProject(PlatformFile) : ResolveAgainstProject(line.File);
        if (line.IsError)
        {
            Log.LogError(null, line.Code, null, file, line.Line, line.Column, 0, 0, line.Message);
        }
        else
        {
            Log.LogWarning(null, line.Code, null, file, line.Line, line.Column, 0, 0, line.Message);
        }
    }

    /// <inheritdoc />
    protected override bool HandleTaskExecutionErrors()
    {
        // The compiler's own diagnostics already explain the failure; a generic MSB6006 on top would only add noise.
        if (Log.HasLoggedErrors)
        {
            return false;
        }

        var detail = _lastOutputLines.Count == 0 ? "" : $": {string.Join(" ", _lastOutputLines)}";
        Log.LogError(null, CompilerFailedCode, null, ResolveAgainstProject(PlatformFile), 0, 0, 0, 0,
            $"trilho {(_diff is null ? "compile" : "diff")} exited with code {ExitCode} without reporting a diagnostic{detail}");
        return false;
    }

    /// <summary>
    /// The compiler's summary lines (<c>trilho: &lt;env&gt; ...: estimated USD ...; wrote ... to ...</c>, one per
    /// environment) are high importance, so <c>dotnet build</c> shows them at its default (minimal) verbosity; the
    /// list of files it wrote only at detailed verbosity, so it does not bury them.
    /// </summary>
    private static MessageImportance ImportanceOf(string? line, MessageImportance otherwise) => line switch
    {
        null => otherwise,
        _ when line.StartsWith(SummaryPrefix, StringComparison.Ordinal) => MessageImportance.High,
        _ when line.StartsWith(WrotePrefix, StringComparison.Ordinal) => MessageImportance.Low,
        _ => otherwise,
    };

    private void RememberOutput(string? text)
    {
        // "is null" too: .NET Framework's string.IsNullOrWhiteSpace carries no nullable annotation.
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        // Keep the last few lines: an internal error or a missing Node.js shows up there.
        _lastOutputLines.Add(text.Trim());
        if (_lastOutputLines.Count > 5)
        {
            _lastOutputLines.RemoveAt(0);
        }
    }

    private string ResolveAgainstProject(string path) =>
        Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(ProjectDirectory, path));
}
