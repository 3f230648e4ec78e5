// Concurrency trials, one per process (a crash must not take the test runner down):
//   fer-stress classifier-dispose SEED THREADS   threads predict on one classifier while another thread disposes it
//   fer-stress onnx-classifier-dispose SEED THREADS   the same with Fer.Onnx's OnnxEmotionClassifier
//   fer-stress detector-dispose SEED THREADS PHOTO   the same with a BlazeFaceDetector on a photo
//   fer-stress soak SEED THREADS SECONDS   threads predict valid and invalid inputs on one classifier (SoakTrial)
//   fer-stress resume-count DIR EPOCHS KILL_AT   trains with a user callback that counts epochs and BackupAndRestore in
//                                     DIR, killing itself when epoch KILL_AT begins (0: never) (ResumeTrial)
//   fer-stress predict-one   one single-face prediction with the default model, as the quick start makes (stderr must stay empty)
//   fer-stress fuzz KIND SEED COUNT   hostile inputs of one kind (model, image, csv, state, path); exit 2 on a raw
//                                     exception or a memory blow-up, 3 on a hang (FuzzRunner)
// Exit 0 and "ok …" when every call either matched the serial result or got ObjectDisposedException; 2 otherwise.
using Fer;
using Fer.Core;
using Fer.Datasets;
using Fer.Detection;
using Fer.Stress;

if (args.Length >= 4 && args[0] == "soak")
{
    var (passed, report) = SoakTrial.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture)));
    Console.WriteLine(report);
    return passed ? 0 : 2;
}

if (args.Length >= 1 && args[0] == "predict-one")
{
    var face = new byte[48 * 48];
    for (var i = 0; i < face.Length; i++)
    {
        face[i] = (byte)((i % 48) * 5);
    }

    Console.WriteLine($"ok: {EmotionClassifier.LoadDefault().PredictPixels(face)}");
    return 0;
}

if (args.Length >= 4 && args[0] == "resume-count")
{
    var (passed, report) = ResumeTrial.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine(report);
    return passed ? 0 : 2;
}

if (args.Length >= 4 && args[0] == "fuzz")
{
    return FuzzRunner.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: fer-stress classifier-dispose|onnx-classifier-dispose|detector-dispose SEED THREADS [PHOTO]");
    return 64;
}

var seed = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var threads = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var trial = args[0] switch
{
    "classifier-dispose" => DisposeTrial.Classifier(seed, threads),
    "onnx-classifier-dispose" => DisposeTrial.OnnxClassifier(seed, threads),
    "detector-dispose" => DisposeTrial.Detector(seed, threads, args[3]),
    _ => throw new ArgumentException($"unknown trial '{args[0]}'"),
};
Console.WriteLine(trial.Report);
return trial.Passed ? 0 : 2;
