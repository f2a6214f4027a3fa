namespace Trilho.Compiler.Extensibility;

/// <summary>Runs extensions the way synthesis does, so a team can test its extension on its own stacks.</summary>
public static class PlatformExtensions
{
    /// <summary>Calls each extension in order on <paramref name="context"/>.</summary>
    /// <exception cref="PlatformExtensionException">An extension threw; the exception names it and wraps the cause.</exception>
    public static void Apply(IEnumerable<IPlatformExtension> extensions, ExtensionContext context)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var extension in extensions)
        {
            try
            {
                extension.Extend(context);
            }
#pragma warning disable CA1031 // Any failure of third-party code is reported with the extension's name.
            catch (Exception e) when (e is not PlatformExtensionException)
#pragma warning restore CA1031
            {
                throw new PlatformExtensionException(extension.GetType().FullName ?? extension.GetType().Name, context.Environment.Name, e);
            }
        }
    }
}
