using Fer.Internal;

namespace Fer.Datasets;

/// <summary>
/// Reads the folder layout <c>train/&lt;class&gt;/*.jpg</c>, <c>test/&lt;class&gt;/*.jpg</c> (split folder names
/// train/training, test/publictest/val/validation, privatetest; class names case-insensitive), or a root that
/// holds the class folders directly (all Training). Images of any size or colour become 48x48 grayscale.
/// </summary>
internal sealed class ImageFolderReader
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif" };

    private static readonly Dictionary<string, Fer2013Split> SplitFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["train"] = Fer2013Split.Training,
        ["training"] = Fer2013Split.Training,
        ["test"] = Fer2013Split.PublicTest,
        ["publictest"] = Fer2013Split.PublicTest,
        ["val"] = Fer2013Split.PublicTest,
        ["validation"] = Fer2013Split.PublicTest,
        ["privatetest"] = Fer2013Split.PrivateTest,
    };

    private readonly string _root;
    private readonly Fer2013LoadOptions _options;
    private readonly IReadOnlyList<string> _classNames;

    public ImageFolderReader(string root, Fer2013LoadOptions options)
    {
        _root = root;
        _options = options;
        _classNames = ModelInputChecks.ClassNameList(options.ClassNames, nameof(options.ClassNames));
    }

    public FerDataset Read()
    {
        var subfolders = Directory.GetDirectories(_root);
        var splitFolders = subfolders.Where(d => SplitFolders.ContainsKey(Path.GetFileName(d))).ToArray();
        var skipped = new SkippedInputs();
        var splits = new Dictionary<Fer2013Split, LabeledFaces>();
        if (splitFolders.Length == 0)
        {
            splits[Fer2013Split.Training] = ReadSplit(_root, skipped);
        }
        else
        {
            foreach (var folder in splitFolders.OrderBy(f => f, StringComparer.Ordinal))
            {
                var split = SplitFolders[Path.GetFileName(folder)];
                if (splits.ContainsKey(split))
                {
                    throw new FerDataException($"{_root} has two folders for the {split} split; keep one.") { Input = _root };
                }

                splits[split] = ReadSplit(folder, skipped);
            }
        }

        return new FerDataset(_root, splits, skipped);
    }

    private LabeledFaces ReadSplit(string folder, SkippedInputs skipped)
    {
        var files = new List<(string Path, int Label)>();
        // Class folders in label order, so that images come out grouped by class in the standard order.
        foreach (var (classFolder, label) in Directory.GetDirectories(folder)
                     .Select(f => (Folder: f, Label: IndexOfClass(Path.GetFileName(f))))
                     .OrderBy(f => f.Label < 0 ? int.MaxValue : f.Label).ThenBy(f => f.Folder, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(classFolder);
            if (label < 0)
            {
                var reason = $"the folder '{name}' is not one of the classes {string.Join(", ", _classNames)}";
                if (_options.MalformedRows == MalformedRowHandling.Skip)
                {
                    skipped.Add(new SkippedInput(classFolder, null, reason));
                    continue;
                }

                throw new FerDataException($"{classFolder}: {reason} (an unknown label). Rename it, or pass the class list in Fer2013LoadOptions.ClassNames.") { Input = classFolder };
            }

            files.AddRange(Directory.EnumerateFiles(classFolder)
                .Where(f => ImageExtensions.Contains(Path.GetExtension(f)))
                .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                .Select(f => (f, label)));
        }

        if (files.Count == 0)
        {
            throw new FerDataException($"{folder} holds no images in class folders (expected {folder}/<class>/*.jpg|png); the data set is empty.") { Input = folder };
        }

        const int size = 48 * 48;
        var pixels = new byte[files.Count * size];
        var failures = new string?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                var path = files[i].Path;
                var encoded = InputFile.ReadAllBytes(path, "image", Photo.MaxFileBytes, message => new FerDataException(message) { Input = path }, nameof(path));
                using var photo = Photo.Decode(encoded, path, minShortSide: 96);
                photo.ToGrayPixels(48, 48).CopyTo(pixels, i * size);
            }
            catch (Exception e) when (e is FerDataException or IOException or UnauthorizedAccessException)
            {
                failures[i] = e.Message;
            }
        });

        var keep = new List<int>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (failures[i] is null)
            {
                keep.Add(i);
            }
            else if (_options.MalformedRows == MalformedRowHandling.Skip)
            {
                skipped.Add(new SkippedInput(files[i].Path, null, failures[i]!));
            }
            else
            {
                throw new FerDataException(failures[i]!) { Input = files[i].Path };
            }
        }

        var labels = files.Select(f => f.Label).ToArray();
        var all = LabeledFaces.Create(pixels, labels, ImageShape.Fer2013, _classNames, folder);
        return keep.Count == files.Count ? all : all.Subset(keep);
    }

    private int IndexOfClass(string name)
    {
        for (var i = 0; i < _classNames.Count; i++)
        {
            if (string.Equals(_classNames[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
