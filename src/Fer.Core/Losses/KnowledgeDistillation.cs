using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Knowledge distillation (Hinton, Vinyals and Dean, 2015): the model in training (the student) also learns the
/// teacher's softened class probabilities on the same augmented batch. The training loss becomes
/// <c>(1 − w)·loss(labels) + w·T²·KL(p ‖ softmax(student/T))</c> with <c>p = softmax(teacher/T)</c>; with several
/// teachers (an ensemble), <c>p</c> is the mean of their softened probabilities. Validation and evaluation report the
/// plain loss against the labels. Pass it to <see cref="Sequential.Compile"/> or
/// <see cref="TrainingOptions.Distillation"/>; create it with <see cref="Losses.DistillFrom(Sequential, double, double)"/>.
/// </summary>
/// <remarks>
/// The teachers run in inference mode on every training batch, so a step costs one forward pass more per teacher.
/// Each must take the same input shape and normalisation as the student, output the same classes and live on the
/// same device.
/// </remarks>
public sealed class KnowledgeDistillation
{
    internal KnowledgeDistillation(IReadOnlyList<Sequential> teachers, double temperature, double weight)
    {
        ArgumentNullException.ThrowIfNull(teachers);
        if (teachers.Count == 0)
        {
            throw new ArgumentException("KnowledgeDistillation needs at least one teacher, but the list is empty.", nameof(teachers));
        }

        for (var i = 0; i < teachers.Count; i++)
        {
            if (teachers[i] is null)
            {
                throw new ArgumentNullException(nameof(teachers), $"KnowledgeDistillation: teachers[{i}] is null.");
            }
        }

        if (!(temperature > 0 && double.IsFinite(temperature)))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), $"KnowledgeDistillation: the temperature must be a finite number > 0, but was {temperature}.");
        }

        if (!(weight >= 0 && weight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), $"KnowledgeDistillation: the weight of the teacher's targets must be in [0, 1], but was {weight}.");
        }

        Teachers = [.. teachers];
        Temperature = temperature;
        Weight = weight;
    }

    /// <summary>The trained models whose predictions are learned: one, or several whose softened probabilities are averaged.</summary>
    public IReadOnlyList<Sequential> Teachers { get; }

    /// <summary>T: softens both models' probabilities before they are compared (Hinton et al. use 2–20; 4 is common).</summary>
    public double Temperature { get; }

    /// <summary>w in [0, 1]: the share of the teacher's term in the loss; 1 ignores the labels.</summary>
    public double Weight { get; }

    /// <summary>A description such as "KnowledgeDistillation(teacher=CompactVgg, T=4, w=0.9)" or, for an ensemble, "KnowledgeDistillation(teachers=CompactVgg+CompactVgg, T=4, w=0.9)".</summary>
    public override string ToString()
    {
        var names = string.Join('+', Teachers.Select(t => t.TrainingInfo.TryGetValue("architecture", out var name) ? name : "Sequential"));
        return $"KnowledgeDistillation({(Teachers.Count == 1 ? "teacher" : "teachers")}={names}, T={Temperature}, w={Weight})";
    }

    /// <summary>Throws unless every teacher can teach <paramref name="student"/>.</summary>
    internal void CheckCompatible(Sequential student)
    {
        for (var i = 0; i < Teachers.Count; i++)
        {
            var teacher = Teachers[i];
            var name = Teachers.Count == 1 ? "the teacher" : $"teacher {i + 1} of {Teachers.Count}";
            if (ReferenceEquals(student, teacher))
            {
                throw new FerModelException($"KnowledgeDistillation: a model cannot be its own teacher ({name} is the student).");
            }

            if (teacher.InputShape != student.InputShape || teacher.OutputCount != student.OutputCount)
            {
                throw new FerModelException($"KnowledgeDistillation: {name} takes {teacher.InputShape} and outputs {teacher.OutputCount} classes, but the student takes {student.InputShape} and outputs {student.OutputCount}.");
            }

            if (teacher.Normalization != student.Normalization)
            {
                throw new FerModelException($"KnowledgeDistillation: {name} normalises images with {teacher.Normalization} but the student with {student.Normalization}; set the student's Normalization to the teacher's.");
            }

            if (teacher.Device != student.Device)
            {
                throw new FerModelException($"KnowledgeDistillation: {name} is on {teacher.Device} but the student on {student.Device}.");
            }
        }
    }

    /// <summary>The distillation loss of a batch, given the student's plain loss and outputs on <paramref name="images"/>.</summary>
    internal Tensor Combine(Tensor plainLoss, Tensor studentOutputs, bool studentOutputsProbabilities, Tensor images)
    {
        using var scope = NewDisposeScope();
        var teacherLogProbabilities = TeacherLogProbabilities(images);
        var studentLogits = studentOutputsProbabilities ? studentOutputs.ClampTo(1e-7, 1.0).log() : studentOutputs;
        var studentLogProbabilities = nn.functional.log_softmax(studentLogits.DividedBy(Temperature), 1);
        var divergence = (teacherLogProbabilities.exp() * (teacherLogProbabilities - studentLogProbabilities)).sum(1).mean();
        var soft = divergence.Times(Temperature * Temperature);
        return (plainLoss.Times(1 - Weight).Plus(soft.Times(Weight))).MoveToOuterDisposeScope();
    }

    /// <summary>log p: the log of the teachers' mean softened probabilities, (N, classes), without gradients.</summary>
    private Tensor TeacherLogProbabilities(Tensor images)
    {
        using var noGrad = no_grad();
        var perTeacher = new Tensor[Teachers.Count];
        for (var i = 0; i < Teachers.Count; i++)
        {
            var outputs = Teachers[i].ForwardEvaluation(images);
            var logits = Teachers[i].OutputsProbabilities ? outputs.ClampTo(1e-7, 1.0).log() : outputs;
            perTeacher[i] = nn.functional.log_softmax(logits.DividedBy(Temperature), 1);
        }

        return perTeacher.Length == 1 ? perTeacher[0] : stack(perTeacher).logsumexp(0).Minus(Math.Log(perTeacher.Length));
    }
}
