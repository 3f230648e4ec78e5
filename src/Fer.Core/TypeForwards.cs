using System.Runtime.CompilerServices;

// Types that moved to Fer.Imaging (the package both classifiers share): apps compiled against the Fer.Core that
// defined them keep working without a rebuild.
[assembly: TypeForwardedTo(typeof(Fer.Core.EmotionPrediction))]
[assembly: TypeForwardedTo(typeof(Fer.Core.FaceEmotion))]
[assembly: TypeForwardedTo(typeof(Fer.Core.FaceBox))]
[assembly: TypeForwardedTo(typeof(Fer.Core.DetectedFace))]
[assembly: TypeForwardedTo(typeof(Fer.Core.IFaceDetector))]
[assembly: TypeForwardedTo(typeof(Fer.Core.FaceCropping))]
[assembly: TypeForwardedTo(typeof(Fer.Core.FaceAnnotations))]
