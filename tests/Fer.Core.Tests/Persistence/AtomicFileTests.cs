using System.Diagnostics;
using Fer.Internal;

namespace Fer.Core.Tests;

/// <summary>Saving replaces only regular files, and a failure at any point keeps the previous file whole.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static void WriteBytes(string path, byte[] bytes) => AtomicFile.Write(path, s => s.Write(bytes));

    private static bool RunTool(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    [Fact]
    public void A_file_is_replaced_whole_and_no_temporary_file_is_left()
    {
        var path = _temp.File("model.fer");
        WriteBytes(path, [1, 2, 3]);
        WriteBytes(path, [4, 5]);
        Assert.Equal([4, 5], File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Temporary_files_left_by_a_killed_writer_are_removed_and_recent_ones_kept()
    {
        var path = _temp.File("training-state.fer");
        var stale = _temp.File($".training-state.fer.{Guid.NewGuid():N}.tmp");
        var recent = _temp.File($".training-state.fer.{Guid.NewGuid():N}.tmp");
        var other = _temp.File($".best.fer.{Guid.NewGuid():N}.tmp");
        foreach (var file in new[] { stale, recent, other })
        {
            File.WriteAllBytes(file, []);
        }

        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddHours(-1));
        WriteBytes(path, [1]);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(other));
    }

    [Fact]
    public void A_failing_writer_keeps_the_previous_file()
    {
        var path = _temp.File("model.fer");
        WriteBytes(path, [1, 2, 3]);
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write(new byte[1000]);
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void A_folder_at_the_target_or_a_file_on_the_way_is_refused_by_name()
    {
        Directory.CreateDirectory(_temp.File("folder.fer"));
        Assert.Contains("is a folder, not a file", Assert.Throws<IOException>(() => WriteBytes(_temp.File("folder.fer"), [1])).Message);

        File.WriteAllText(_temp.File("plain"), "x");
        var e = Assert.Throws<IOException>(() => WriteBytes(Path.Combine(_temp.File("plain"), "sub", "model.fer"), [1]));
        Assert.Contains("plain' is a file, so no folder can be made there", e.Message);
    }

    [SkippableFact]
    public void A_fifo_or_device_at_the_target_is_refused_and_left_as_it_is()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs and device nodes are tested on Linux");
        var fifo = _temp.File("pipe.fer");
        Skip.IfNot(RunTool("mkfifo", fifo), "mkfifo is not available");
        Assert.Contains("is a named pipe (FIFO); only regular files are replaced", Assert.Throws<IOException>(() => WriteBytes(fifo, [1])).Message);
        Assert.Equal("a named pipe (FIFO)", Fer.Internal.InputFile.Kind(fifo));
        Assert.Contains("is a character device", Assert.Throws<IOException>(() => WriteBytes("/dev/null", [1])).Message);
    }

    [SkippableFact]
    public void A_full_disk_keeps_the_previous_file_and_leaves_no_temporary_file()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "mounting a small tmpfs needs root on Linux");
        var mount = Directory.CreateDirectory(_temp.File("tiny")).FullName;
        Skip.IfNot(RunTool("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount), "tmpfs cannot be mounted here");
        try
        {
            var path = Path.Combine(mount, "model.fer");
            WriteBytes(path, new byte[16 * 1024]);
            Assert.ThrowsAny<IOException>(() => WriteBytes(path, new byte[1024 * 1024]));
            Assert.Equal(16 * 1024, new FileInfo(path).Length);
            Assert.Single(Directory.GetFiles(mount));
        }
        finally
        {
            RunTool("umount", mount);
        }
    }
}
