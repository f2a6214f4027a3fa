using Trilho.Compiler.Resolution;

namespace Trilho.Compiler.Cli.Delivery;

/// <summary>Reads platform.yaml for the delivery commands: the resolved platform and the folder its source paths are relative to.</summary>
public static class PlatformFile
{
    /// <summary>Analyses <paramref name="path"/>; diagnostics are printed on <paramref name="output"/>.</summary>
    /// <exception cref="DeliveryException">Missing file, or the file has errors.</exception>
    public static (ResolvedPlatform Platform, string Folder) Load(string path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!File.Exists(path))
        {
            throw new DeliveryException($"file not found: {path}");
        }

        var result = FrontEnd.AnalyzeFile(path);
        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic.ToCanonicalString());
        }

        if (result.HasErrors || result.Platform is null)
        {
            throw new DeliveryException($"{path} has errors (above); fix them first (trilho check {path})");
        }

        return (result.Platform, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>The environment named <paramref name="name"/>.</summary>
    /// <exception cref="DeliveryException">No such environment.</exception>
    public static ResolvedEnvironment Environment(ResolvedPlatform platform, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.Environments.FirstOrDefault(e => e.Name == name)
            ?? throw new DeliveryException($"no environment named '{name}' in {path} (environments: {string.Join(", ", platform.Environments.Select(e => e.Name))})");
    }
}
