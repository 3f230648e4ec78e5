using Fer.Datasets;

/// <summary>
/// The data every model script uses, split the same way: FER2013 (--data, Kaggle's CSV) or, with --ferplus
/// FER2013NEW.csv, FER+ (--data must then be Kaggle's fer2013.csv in its original row order). Training is split 90/10
/// stratified with seed 42 (FER+: by each face's most voted class); validation and PublicTest are scored on FER2013's
/// labels or on FER+'s majority labels (faces without a majority left out, as the paper does).
/// </summary>
internal static class ScriptData
{
    public const string Fer2013Default = "../shared/datasets/fer2013/fer2013.csv.gz";

    /// <summary>The training part (for FER+ by --mode, cross-entropy by default), validation, PublicTest when asked, and words for the model's metadata.</summary>
    public static (LabeledFaces Train, LabeledFaces Validation, Func<LabeledFaces> PublicTest, string Description) Load(Dictionary<string, string> options)
    {
        var data = options.GetValueOrDefault("data", Fer2013Default);
        return options.TryGetValue("ferplus", out var votes)
            ? LoadFerPlus(data, votes, options.GetValueOrDefault("mode", "crossentropy"))
            : LoadFer2013(data);
    }

    private static (LabeledFaces, LabeledFaces, Func<LabeledFaces>, string) LoadFer2013(string path)
    {
        var dataset = Fer2013.Load(path);
        var (train, validation) = dataset.Training.SplitStratified(0.1, seed: 42);
        return (train, validation, () => dataset.PublicTest, "FER2013 Training (90% stratified split, seed 42); validation 10%");
    }

    private static (LabeledFaces, LabeledFaces, Func<LabeledFaces>, string) LoadFerPlus(string pixels, string labels, string modeName)
    {
        var mode = modeName switch
        {
            "crossentropy" => FerPlusLabelMode.CrossEntropy,
            "majority" => FerPlusLabelMode.Majority,
            "probability" => FerPlusLabelMode.Probability,
            "multitarget" => FerPlusLabelMode.MultiTarget,
            _ => throw new ArgumentException($"--mode must be crossentropy, majority, probability or multitarget, not '{modeName}'."),
        };
        var dataset = FerPlus.Load(pixels, labels);
        var (trainVotes, validationVotes) = dataset.Training.SplitStratified(0.1, seed: 42);
        var train = trainVotes.Select(mode);
        var validation = validationVotes.Select(FerPlusLabelMode.Majority);
        Console.WriteLine($"FER+ train: {train}");
        Console.WriteLine($"FER+ validation: {validation}");
        return (train.Faces, validation.Faces, () =>
        {
            var test = dataset.PublicTest.Select(FerPlusLabelMode.Majority);
            Console.WriteLine($"FER+ PublicTest: {test}");
            return test.Faces;
        }, $"FER+ Training (90% of the votes, stratified, seed 42; {train}); validation 10% ({validation})");
    }
}
