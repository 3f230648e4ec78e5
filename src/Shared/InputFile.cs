using System.Runtime.InteropServices;

namespace Fer.Internal;

/// <summary>
/// Checks a path that the library is about to read, before anything is opened: it must name an existing regular file.
/// A folder, a named pipe (FIFO, which would block the reader forever), a device (e.g. /dev/zero, which never ends)
/// or a socket is refused with a message that names the input in the caller's words ("the image", "the model file").
/// </summary>
internal static partial class InputFile
{
    private const uint FileTypeMask = 0xF000;
    private const uint RegularFile = 0x8000;
    private const uint Directory = 0x4000;
    private const uint Fifo = 0x1000;
    private const uint CharacterDevice = 0x2000;
    private const uint BlockDevice = 0x6000;
    private const uint Socket = 0xC000;

    /// <summary>
    /// Returns when <paramref name="path"/> names an existing regular file (links followed); otherwise throws
    /// <see cref="ArgumentNullException"/>/<see cref="ArgumentException"/> (no path), <see cref="FileNotFoundException"/>
    /// (nothing there) or the exception <paramref name="refuse"/> makes from a message (something other than a file).
    /// </summary>
    /// <param name="path">The path to check.</param>
    /// <param name="what">What the file should be, for messages: "image", "model file", "FER2013 CSV file".</param>
    /// <param name="refuse">Makes the library's exception for a path that is not a regular file.</param>
    /// <param name="parameterName">The caller's parameter, for argument exceptions.</param>
    public static void RequireRegular(string? path, string what, Func<string, Exception> refuse, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(path, parameterName);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"The {what} path is empty.", parameterName);
        }

        if (System.IO.Directory.Exists(path))
        {
            throw refuse($"The {what} '{path}' is a folder, not a file.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The {what} '{path}' does not exist.", path);
        }

        if (Kind(path) is { } kind)
        {
            throw refuse($"The {what} '{path}' is {kind}, not a regular file; only regular files are read.");
        }
    }

    /// <summary>
    /// Reads a whole regular file after <see cref="RequireRegular"/>, refusing one over <paramref name="maxBytes"/>
    /// before anything is allocated; the length read must also match (a file that grows or shrinks meanwhile is refused).
    /// </summary>
    public static byte[] ReadAllBytes(string? path, string what, long maxBytes, Func<string, Exception> refuse, string parameterName)
    {
        RequireRegular(path, what, refuse, parameterName);
        try
        {
            using var stream = new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > maxBytes)
            {
                throw refuse($"The {what} '{path}' is {length:N0} bytes, over the limit of {maxBytes:N0} bytes.");
            }

            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = stream.Read(bytes, read, bytes.Length - read);
                if (n == 0)
                {
                    throw refuse($"The {what} '{path}' ended after {read:N0} of its {length:N0} bytes while it was being read.");
                }

                read += n;
            }

            if (stream.ReadByte() != -1)
            {
                throw refuse($"The {what} '{path}' grew beyond {length:N0} bytes while it was being read.");
            }

            return bytes;
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw refuse($"The {what} '{path}' could not be read: {e.Message}");
        }
    }

    /// <summary>Reads a stream to its end, refusing it once it passes <paramref name="maxBytes"/> (an endless or huge stream).</summary>
    public static byte[] ReadStream(Stream stream, string what, long maxBytes, Func<string, Exception> refuse)
    {
        // Blocks of 1 MB rather than a MemoryStream, whose doubling would reserve up to twice the limit.
        var blocks = new List<byte[]>();
        long total = 0;
        while (true)
        {
            var block = new byte[1 << 20];
            var filled = 0;
            int read;
            while (filled < block.Length && (read = stream.Read(block, filled, block.Length - filled)) > 0)
            {
                filled += read;
                if (total + filled > maxBytes)
                {
                    throw refuse($"The {what} holds more than {maxBytes:N0} bytes, the limit.");
                }
            }

            blocks.Add(block);
            total += filled;
            if (filled < block.Length)
            {
                break;
            }
        }

        var result = new byte[total];
        var offset = 0;
        foreach (var block in blocks)
        {
            var count = (int)Math.Min(block.Length, total - offset);
            block.AsSpan(0, count).CopyTo(result.AsSpan(offset));
            offset += count;
        }

        return result;
    }

    /// <summary>
    /// Null for a regular file (or where the type cannot be told), else words for what the path is instead.
    /// </summary>
    internal static string? Kind(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return path.StartsWith(@"\\.\", StringComparison.Ordinal) || path.StartsWith(@"\\?\pipe\", StringComparison.OrdinalIgnoreCase)
                ? "a device or pipe" : null;
        }

        if (Mode(path) is not { } mode)
        {
            return null;
        }

        return (mode & FileTypeMask) switch
        {
            RegularFile => null,
            Directory => "a folder",
            Fifo => "a named pipe (FIFO)",
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            Socket => "a socket",
            _ => "not a regular file",
        };
    }

    /// <summary>st_mode from stat(2) (following links), or null where this platform's layout is not known here.</summary>
    private static uint? Mode(string path)
    {
        int offset;
        bool sixteenBits;
        if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64)
        {
            (offset, sixteenBits) = (24, false);
        }
        else if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.Arm64)
        {
            (offset, sixteenBits) = (16, false);
        }
        else if (OperatingSystem.IsMacOS() && RuntimeInformation.OSArchitecture == Architecture.Arm64)
        {
            (offset, sixteenBits) = (4, true);
        }
        else
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            if (Stat(path, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return sixteenBits ? BitConverter.ToUInt16(buffer, offset) : BitConverter.ToUInt32(buffer, offset);
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] buffer);

    /// <summary>
    /// Whether <paramref name="e"/> says a file that exists could not be read (permissions, a failing disk): the
    /// failures a loader reports as its own exception. A missing file or folder is not one of them.
    /// </summary>
    public static bool IsReadFailure(Exception e)
        => e is UnauthorizedAccessException || (e is IOException && e is not FileNotFoundException and not DirectoryNotFoundException);
}
