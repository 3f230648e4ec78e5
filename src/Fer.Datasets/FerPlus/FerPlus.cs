using Fer.Internal;

namespace Fer.Datasets;

/// <summary>
/// Loads FER+ (Barsoum et al., ICMI 2016; github.com/microsoft/FERPlus, MIT): every FER2013 face with the votes of ten
/// crowd taggers over eight emotions (FER2013's seven and contempt), unknown and not a face. Apply the paper's rules
/// with <see cref="FerPlusVotes.Select"/>.
/// </summary>
/// <example>
/// <code>
/// var ferPlus = FerPlus.Load("fer2013.csv", "fer2013new.csv");
/// var (train, validation) = ferPlus.Training.SplitStratified(0.1);
/// LabeledFaces trainFaces = train.Select(FerPlusLabelMode.CrossEntropy).Faces;     // vote distributions as targets
/// FerPlusSelection test = ferPlus.PublicTest.Select(FerPlusLabelMode.Majority);  // majority labels, for evaluation
/// Console.WriteLine(test);                                                        // kept … of 3,589 faces; left out …
/// </code>
/// </example>
public static class FerPlus
{
    /// <summary>
    /// Loads FER+ as users have it: Kaggle's <c>fer2013.csv</c> (pixels; plain or gzip-compressed) and Microsoft's
    /// <c>fer2013new.csv</c> (votes), joined row by row. Both must have the same number of rows with the same Usage in
    /// the same order.
    /// </summary>
    /// <param name="fer2013CsvPath">Kaggle's <c>fer2013.csv</c> in its original row order (<c>emotion,pixels,Usage</c>).</param>
    /// <param name="ferPlusCsvPath">Microsoft's <c>fer2013new.csv</c> (<c>Usage,Image name,neutral,…,NF</c>).</param>
    /// <param name="options">Malformed-row handling; defaults when omitted.</param>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="FerDataException">
    /// A row is malformed (bad pixels, a vote count that is not a whole number in [0, 10], counts summing over 10), the
    /// files differ in row count or Usage (the message names both files and the first differing row), or a file has no rows.
    /// </exception>
    public static FerPlusDataset Load(string fer2013CsvPath, string ferPlusCsvPath, FerPlusLoadOptions? options = null)
    {
        InputFile.RequireRegular(fer2013CsvPath, "FER2013 CSV file", message => new FerDataException(message) { Input = fer2013CsvPath }, nameof(fer2013CsvPath));
        InputFile.RequireRegular(ferPlusCsvPath, "FER+ label file", message => new FerDataException(message) { Input = ferPlusCsvPath }, nameof(ferPlusCsvPath));
        return new FerPlusCsvJoin(fer2013CsvPath, ferPlusCsvPath, options ?? new FerPlusLoadOptions()).Read();
    }

    /// <summary>
    /// Loads Microsoft's folder layout, as its <c>generate_training_data.py</c> writes it: <c>FER2013Train/</c>,
    /// <c>FER2013Valid/</c> and <c>FER2013Test/</c> (Training, PublicTest, PrivateTest; any of them), each with
    /// <c>fer%07d.png</c> images and a <c>label.csv</c> of <c>name,[box,]</c> and the ten vote counts.
    /// </summary>
    /// <param name="root">The folder holding the split folders.</param>
    /// <param name="options">Malformed-row handling; defaults when omitted.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FerDataException">No split folder, a missing label.csv, a malformed row, or an image that is missing, corrupt or names a path outside its folder.</exception>
    public static FerPlusDataset LoadFolders(string root, FerPlusLoadOptions? options = null)
    {
        Guard.DirectoryExists(root);
        return new FerPlusFolderReader(root, options ?? new FerPlusLoadOptions()).Read();
    }
}
