namespace Trilho.Samples.Backend;

/// <summary>
/// The one writable place in the container (read-only root filesystem): TMPDIR, /tmp on Trilho. On Fargate it is a
/// bind mount that is root-owned 0755 unless the image declares VOLUME /tmp over a world-writable directory
/// (docs/app-contract.md), and the app runs as 1000:1000, so check it instead of failing on the first upload.
/// </summary>
public static class TempDirectory
{
    /// <summary>Writes, reads back and deletes a file in <see cref="Path.GetTempPath"/>; throws with the reason if it cannot.</summary>
    public static string EnsureWritable()
    {
        var directory = Path.GetTempPath();
        var probe = Path.Combine(directory, $"trilho-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, "probe");
            if (File.ReadAllText(probe) != "probe")
            {
                throw new IOException("read back different content");
            }
            File.Delete(probe);
            return directory;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The temp directory '{directory}' (TMPDIR) is not writable by this user: {ex.Message}. " +
                "The image must declare VOLUME /tmp over a directory with mode 1777 (see docs/app-contract.md).", ex);
        }
    }
}
