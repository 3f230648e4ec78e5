using Fer.Core;

namespace Fer.Cli;

/// <summary>The teacher models of <c>fer train --teacher</c>, loaded once and disposed together.</summary>
internal sealed class TeacherModels : IDisposable
{
    private readonly List<Sequential> _models = [];

    /// <summary>Loads every file in order; a file that is missing or not a model throws, naming it.</summary>
    /// <param name="files">The teacher model files.</param>
    /// <param name="log">Where to say which teachers were loaded.</param>
    public TeacherModels(IReadOnlyList<FileInfo> files, TextWriter log)
    {
        try
        {
            foreach (var file in files)
            {
                if (!file.Exists)
                {
                    throw new FileNotFoundException($"The teacher model {file.FullName} does not exist.", file.FullName);
                }

                var model = Sequential.Load(file.FullName);
                _models.Add(model);
                log.WriteLine($"Teacher {file.Name}: {(model.TrainingInfo.TryGetValue(TrainingInfoKeys.Architecture, out var name) ? name : "Sequential")}");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>How many teachers were given.</summary>
    public int Count => _models.Count;

    /// <summary>The loaded teachers, in the order given.</summary>
    public IReadOnlyList<Sequential> Models => _models;

    /// <summary>Frees every teacher's weights.</summary>
    public void Dispose() => _models.ForEach(m => m.Dispose());
}
