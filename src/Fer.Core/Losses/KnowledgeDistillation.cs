using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Knowledge distillation (Hinton, Vinyals and Dean, 2015): the model in training (the student) also learns the
/// teacher's softened class probabilities on the same augmented batch. The training loss becomes
/// <c>(1 − w)·loss(labels) + w·T²·KL(softmax(teacher/T) ‖ softmax(student/T))</c>; validation and evaluation
/// report the plain loss against the labels. Pass it to <see cref="Sequential.Compile"/> or
/// <see cref="TrainingOptions.Distillation"/>; create it with <see cref="Losses.DistillFrom"/>.
/// </summary>
/// <remarks>
/// The teacher runs in inference mode on every training batch, so a step costs one teacher forward pass more. It must
/// take the same input shape and normalisation as the student, output the same classes and live on the same device.
/// </remarks>
public sealed class KnowledgeDistillation
{
    internal KnowledgeDistillation(Sequential teacher, double temperature, double weight)
    {
        Teacher = teacher ?? throw new ArgumentNullException(nameof(teacher));
        if (!(temperature > 0 && double.IsFinite(temperature)))
        {
            throw new FerModelException($"KnowledgeDistillation: the temperature must be a finite number > 0, but was {temperature}.");
        }

        if (!(weight >= 0 && weight <= 1))
        {
            throw new FerModelException($"KnowledgeDistillation: the weight of the teacher's targets must be in [0, 1], but was {weight}.");
        }

        Temperature = temperature;
        Weight = weight;
    }

    /// <summary>The trained model whose predictions are learned.</summary>
    public Sequential Teacher { get; }

    /// <summary>T: softens both models' probabilities before they are compared (Hinton et al. use 2–20; 4 is common).</summary>
    public double Temperature { get; }

    /// <summary>w in [0, 1]: the share of the teacher's term in the loss; 1 ignores the labels.</summary>
    public double Weight { get; }

    /// <summary>A description such as "KnowledgeDistillation(teacher=CompactVgg, T=4, w=0.9)".</summary>
    public override string ToString()
        => $"KnowledgeDistillation(teacher={(Teacher.TrainingInfo.TryGetValue("architecture", out var name) ? name : "Sequential")}, T={Temperature}, w={Weight})";

    /// <summary>Throws unless the teacher can teach <paramref name="student"/>.</summary>
    internal void CheckCompatible(Sequential student)
    {
        if (ReferenceEquals(student, Teacher))
        {
            throw new FerModelException("KnowledgeDistillation: a model cannot be its own teacher.");
        }

        if (Teacher.InputShape != student.InputShape || Teacher.OutputCount != student.OutputCount)
        {
            throw new FerModelException($"KnowledgeDistillation: the teacher takes {Teacher.InputShape} and outputs {Teacher.OutputCount} classes, but the student takes {student.InputShape} and outputs {student.OutputCount}.");
        }

        if (Teacher.Normalization != student.Normalization)
        {
            throw new FerModelException($"KnowledgeDistillation: the teacher normalises images with {Teacher.Normalization} but the student with {student.Normalization}; set the student's Normalization to the teacher's.");
        }

        if (Teacher.Device != student.Device)
        {
            throw new FerModelException($"KnowledgeDistillation: the teacher is on {Teacher.Device} but the student on {student.Device}.");
        }
    }

    /// <summary>The distillation loss of a batch, given the student's plain loss and outputs on <paramref name="images"/>.</summary>
    internal Tensor Combine(Tensor plainLoss, Tensor studentOutputs, bool studentOutputsProbabilities, Tensor images)
    {
        using var scope = NewDisposeScope();
        Tensor teacherLogits;
        using (no_grad())
        {
            var outputs = Teacher.ForwardEvaluation(images);
            teacherLogits = Teacher.OutputsProbabilities ? outputs.clamp(1e-7, 1.0).log() : outputs;
        }

        var studentLogits = studentOutputsProbabilities ? studentOutputs.clamp(1e-7, 1.0).log() : studentOutputs;
        var teacherLogProbabilities = nn.functional.log_softmax(teacherLogits / Temperature, 1);
        var studentLogProbabilities = nn.functional.log_softmax(studentLogits / Temperature, 1);
        var divergence = (teacherLogProbabilities.exp() * (teacherLogProbabilities - studentLogProbabilities)).sum(1).mean();
        var soft = divergence * (Temperature * Temperature);
        return ((plainLoss * (1 - Weight)) + (soft * Weight)).MoveToOuterDisposeScope();
    }
}
