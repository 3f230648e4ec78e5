using System.Runtime.CompilerServices;

// Types that moved to Fer.Imaging (the bottom package, without TorchSharp): apps compiled against the Fer.Datasets
// that defined them keep working without a rebuild.
[assembly: TypeForwardedTo(typeof(Fer.Datasets.Photo))]
[assembly: TypeForwardedTo(typeof(Fer.Datasets.PhotoPixelFormat))]
[assembly: TypeForwardedTo(typeof(Fer.Datasets.ImageShape))]
[assembly: TypeForwardedTo(typeof(Fer.Datasets.ClassNames))]
[assembly: TypeForwardedTo(typeof(Fer.Datasets.Emotion))]
[assembly: TypeForwardedTo(typeof(Fer.Datasets.TestTimeAugmentation))]
[assembly: TypeForwardedTo(typeof(Fer.FerException))]
[assembly: TypeForwardedTo(typeof(Fer.FerDataException))]
[assembly: TypeForwardedTo(typeof(Fer.FerModelException))]
[assembly: TypeForwardedTo(typeof(Fer.NativeLibraryException))]
