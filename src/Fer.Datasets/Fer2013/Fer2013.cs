using Fer.Internal;

namespace Fer.Datasets;

/// <summary>Loads FER2013 in the layouts users download it in.</summary>
public static class Fer2013
{
    /// <summary>
    /// Loads a FER2013 CSV: <c>fer2013.csv</c> (<c>emotion,pixels,Usage</c>, also gzip-compressed),
    /// <c>icml_face_data.csv</c> (headers with leading spaces) or <c>train.csv</c> (no Usage column: all Training).
    /// </summary>
    /// <param name="path">The CSV file, plain or gzip-compressed (detected from its content).</param>
    /// <param name="options">Malformed-row handling and class names; defaults when omitted.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerDataException">A row is malformed (the message gives the line and reason) or the file has no rows.</exception>
    public static FerDataset Load(string path, Fer2013LoadOptions? options = null)
    {
        InputFile.RequireRegular(path, "FER2013 CSV file", message => new FerDataException(message) { Input = path }, nameof(path));
        return new Fer2013CsvReader(path, options ?? new Fer2013LoadOptions()).Read();
    }

    /// <summary>
    /// Loads the folder layout <c>train/&lt;class&gt;/*.jpg</c> and <c>test/&lt;class&gt;/*.jpg</c> (or a folder of
    /// class folders, all Training). Class folder names match case-insensitively; images of any size or colour
    /// become 48x48 grayscale.
    /// </summary>
    /// <param name="root">The folder holding <c>train/</c> and <c>test/</c>.</param>
    /// <param name="options">Handling of unreadable images and unknown class folders, and class names.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FerDataException">An image is corrupt, a class folder is unknown, or a split holds no images.</exception>
    public static FerDataset LoadFolders(string root, Fer2013LoadOptions? options = null)
    {
        Guard.DirectoryExists(root);
        return new ImageFolderReader(root, options ?? new Fer2013LoadOptions()).Read();
    }
}
