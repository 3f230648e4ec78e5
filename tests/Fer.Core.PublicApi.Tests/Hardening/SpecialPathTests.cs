using System.Diagnostics;
using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

/// <summary>
/// Named pipes, devices and folders given where a file is expected get the library's exception at once, in words
/// that name the input: no hang (a FIFO), no read until memory runs out (/dev/zero), no "does not exist" for a folder.
/// </summary>
public sealed class SpecialPathTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("fer-special-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static T ThrowsWithin<T>(Action action)
        where T : Exception
    {
        var task = Task.Run(() => Record.Exception(action));
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "the call blocked");
        return Assert.IsType<T>(task.Result);
    }

    private string Fifo(string name)
    {
        var path = Path.Combine(_temp.FullName, name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Skip.IfNot(mkfifo.ExitCode == 0, "mkfifo is not available");
        return path;
    }

    [SkippableFact]
    public void Every_reader_refuses_a_fifo_without_blocking()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs and device nodes are tested on Linux");
        using var classifier = EmotionClassifier.LoadDefault();
        var image = Fifo("face.jpg");
        Assert.Contains("image", ThrowsWithin<FerDataException>(() => classifier.Predict(image)).Message);
        Assert.Contains("named pipe (FIFO)", ThrowsWithin<FerDataException>(() => classifier.PredictFiles([image])).Message);
        Assert.Contains("named pipe (FIFO)", ThrowsWithin<FerDataException>(() => Photo.Load(image)).Message);

        var model = Fifo("model.fer");
        Assert.StartsWith($"The model file '{model}' is a named pipe", ThrowsWithin<FerModelException>(() => Sequential.Load(model)).Message);
        Assert.StartsWith($"The model file '{model}' is a named pipe", ThrowsWithin<FerModelException>(() => EmotionClassifier.Load(model)).Message);

        var csv = Fifo("fer2013.csv");
        Assert.StartsWith($"The FER2013 CSV file '{csv}' is a named pipe", ThrowsWithin<FerDataException>(() => Fer2013.Load(csv)).Message);
    }

    [SkippableFact]
    public void Every_reader_refuses_a_device_before_reading_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/dev/zero"), "device nodes are tested on Linux");
        using var classifier = EmotionClassifier.LoadDefault();
        Assert.Contains("is a character device", ThrowsWithin<FerDataException>(() => classifier.Predict("/dev/zero")).Message);
        Assert.Contains("is a character device", ThrowsWithin<FerModelException>(() => Sequential.Load("/dev/urandom")).Message);
        Assert.Contains("is a character device", ThrowsWithin<FerDataException>(() => Fer2013.Load("/dev/zero")).Message);
    }

    [Fact]
    public void A_folder_is_called_a_folder_and_a_missing_file_is_named_plainly()
    {
        using var classifier = EmotionClassifier.LoadDefault();
        Assert.Equal($"The image '{_temp.FullName}' is a folder, not a file.", Assert.Throws<FerDataException>(() => classifier.Predict(_temp.FullName)).Message);
        Assert.Equal($"The model file '{_temp.FullName}' is a folder, not a file.", Assert.Throws<FerModelException>(() => Sequential.Load(_temp.FullName)).Message);

        var missing = Path.Combine(_temp.FullName, "missing.jpg");
        Assert.Equal($"The image '{missing}' does not exist.", Assert.Throws<FileNotFoundException>(() => classifier.Predict(missing)).Message);
    }

    [SkippableFact]
    public void A_fifo_inside_an_image_folder_is_skipped_and_reported_not_waited_on()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are tested on Linux");
        var happy = Directory.CreateDirectory(Path.Combine(_temp.FullName, "faces", "train", "happy")).FullName;
        using (var bitmap = new SkiaSharp.SKBitmap(48, 48))
        using (var png = SkiaSharp.SKImage.FromBitmap(bitmap).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100))
        {
            File.WriteAllBytes(Path.Combine(happy, "one.png"), png.ToArray());
        }

        using var mkfifo = Process.Start("mkfifo", [Path.Combine(happy, "two.png")]);
        mkfifo.WaitForExit();
        Skip.IfNot(mkfifo.ExitCode == 0, "mkfifo is not available");

        var task = Task.Run(() => Record.Exception(() => Fer2013.LoadFolders(Path.Combine(_temp.FullName, "faces"))));
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "LoadFolders blocked on the FIFO");
        var e = Assert.IsType<FerDataException>(task.Result);
        Assert.Contains("two.png", e.Message);
        Assert.Contains("named pipe (FIFO)", e.Message);
    }
}
