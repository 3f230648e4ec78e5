namespace Fer.Internal;

/// <summary>
/// Writes files atomically: to a temporary file beside the target, flushed to disk, then renamed over it, so that a
/// failure at any point (disk full, a crash) leaves the previous file as it was and no temporary file behind. Only a
/// regular file (or nothing) is replaced: a folder, a named pipe or a device at the target is refused by name, and so
/// is a folder path that runs through a file.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        Fer.Internal.Guard.NotNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The output path is empty.", nameof(path));
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"Cannot save to '{full}': it is a folder, not a file.");
        }

        if (File.Exists(full) && Fer.Internal.InputFile.Kind(full) is { } kind)
        {
            throw new IOException($"Cannot save to '{full}': it is {kind}; only regular files are replaced.");
        }

        var directory = Path.GetDirectoryName(full)!;
        for (var parent = directory; !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                throw new IOException($"Cannot save to '{full}': '{parent}' is a file, so no folder can be made there.");
            }
        }

        Directory.CreateDirectory(directory);
        RemoveStaleTemporaryFiles(directory, Path.GetFileName(full));
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Deletes temporary files of earlier writes to the same target that a killed process left behind (older than a
    /// minute, so that a concurrent writer's file is never touched).
    /// </summary>
    private static void RemoveStaleTemporaryFiles(string directory, string name)
    {
        foreach (var stale in Directory.EnumerateFiles(directory, $".{name}.*.tmp"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(stale) < DateTime.UtcNow - StaleAfter)
                {
                    File.Delete(stale);
                }
            }
            catch (IOException)
            {
                // Another process removed or holds it: leave it.
            }
        }
    }

    /// <summary>How old a left-behind temporary file must be before it is removed.</summary>
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    public static void WriteAllText(string path, string text)
        => Write(path, s =>
        {
            using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(text);
        });
}
