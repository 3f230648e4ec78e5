using System.Diagnostics;
using Fer.Internal;

namespace Fer.Datasets.Tests.Internal;

/// <summary>Paths the library reads are checked before anything is opened, and refused in the caller's words.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("fer-inputfile-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static FerDataException Refuse(string message) => new(message);

    /// <summary>Runs <paramref name="action"/> and fails the test instead of hanging if it blocks (a FIFO would).</summary>
    private static Exception ThrowsWithin(Action action)
    {
        var task = Task.Run(() => Record.Exception(action));
        Assert.True(task.Wait(TimeSpan.FromSeconds(20)), "the call blocked");
        return Assert.IsAssignableFrom<Exception>(task.Result);
    }

    private string MakeFifo()
    {
        var path = Path.Combine(_temp.FullName, "pipe.jpg");
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Skip.IfNot(mkfifo.ExitCode == 0 && File.Exists(path), "mkfifo is not available");
        return path;
    }

    [Fact]
    public void A_missing_file_is_named_in_the_callers_words_without_parameter_names()
    {
        var path = Path.Combine(_temp.FullName, "missing.jpg");
        var e = Assert.Throws<FileNotFoundException>(() => InputFile.RequireRegular(path, "image", Refuse, "imagePath"));
        Assert.Equal($"The image '{path}' does not exist.", e.Message);
        Assert.Equal(path, e.FileName);
    }

    [Fact]
    public void A_folder_is_refused_as_a_folder()
    {
        var e = Assert.Throws<FerDataException>(() => InputFile.RequireRegular(_temp.FullName, "model file", Refuse, "path"));
        Assert.Equal($"The model file '{_temp.FullName}' is a folder, not a file.", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_path_is_an_argument_error(string path)
    {
        var e = Assert.Throws<ArgumentException>(() => InputFile.RequireRegular(path, "image", Refuse, "imagePath"));
        Assert.Equal("imagePath", e.ParamName);
        Assert.StartsWith("The image path is empty.", e.Message);
        Assert.Throws<ArgumentNullException>(() => InputFile.RequireRegular(null, "image", Refuse, "imagePath"));
    }

    [SkippableFact]
    public void A_fifo_is_refused_without_blocking()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "FIFOs are Unix's");
        var fifo = MakeFifo();
        var e = Assert.IsType<FerDataException>(ThrowsWithin(() => InputFile.ReadAllBytes(fifo, "image", 1000, Refuse, "imagePath")));
        Assert.Equal($"The image '{fifo}' is a named pipe (FIFO), not a regular file; only regular files are read.", e.Message);
    }

    [SkippableTheory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/dev/null")]
    public void A_device_is_refused_before_it_is_read(string device)
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists(device), $"{device} is not here");
        var e = Assert.IsType<FerDataException>(ThrowsWithin(() => InputFile.ReadAllBytes(device, "FER2013 CSV file", 1000, Refuse, "path")));
        Assert.Equal($"The FER2013 CSV file '{device}' is a character device, not a regular file; only regular files are read.", e.Message);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_temp.FullName, "big.png");
        File.WriteAllBytes(path, new byte[1001]);
        var e = Assert.Throws<FerDataException>(() => InputFile.ReadAllBytes(path, "image", 1000, Refuse, "imagePath"));
        Assert.Equal($"The image '{path}' is 1,001 bytes, over the limit of 1,000 bytes.", e.Message);
    }

    [Fact]
    public void A_regular_file_is_read_whole()
    {
        var path = Path.Combine(_temp.FullName, "data.bin");
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(path, bytes);
        Assert.Null(InputFile.Kind(path));
        Assert.Equal(bytes, InputFile.ReadAllBytes(path, "image", bytes.Length, Refuse, "imagePath"));
    }

    [SkippableFact]
    public void A_symbolic_link_to_a_regular_file_is_read_and_one_to_a_device_is_refused()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "device nodes are Linux's here");
        var target = Path.Combine(_temp.FullName, "real.bin");
        File.WriteAllBytes(target, [1, 2, 3]);
        var good = Path.Combine(_temp.FullName, "good.link");
        File.CreateSymbolicLink(good, target);
        Assert.Equal([1, 2, 3], InputFile.ReadAllBytes(good, "image", 10, Refuse, "imagePath"));

        var bad = Path.Combine(_temp.FullName, "bad.link");
        File.CreateSymbolicLink(bad, "/dev/zero");
        Assert.Contains("is a character device", Assert.Throws<FerDataException>(() => InputFile.ReadAllBytes(bad, "image", 10, Refuse, "imagePath")).Message);
    }

    [Fact]
    public void A_stream_is_read_whole_and_an_endless_one_is_cut_at_the_limit()
    {
        var bytes = Enumerable.Range(0, 3_000_000).Select(i => (byte)(i * 13)).ToArray();
        using (var stream = new MemoryStream(bytes))
        {
            Assert.Equal(bytes, InputFile.ReadStream(stream, "image stream", bytes.Length, Refuse));
        }

        using var endless = new EndlessStream();
        var e = Assert.Throws<FerDataException>(() => InputFile.ReadStream(endless, "image stream", 5_000_000, Refuse));
        Assert.Equal("The image stream holds more than 5,000,000 bytes, the limit.", e.Message);
        Assert.InRange(endless.Served, 5_000_000, 6_100_000);
    }

    /// <summary>A stream that never ends, like /dev/zero behind a Stream.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
