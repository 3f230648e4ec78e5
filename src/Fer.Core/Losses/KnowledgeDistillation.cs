using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Knowledge distillation (Hinton, Vinyals and Dean, 2015): the model in training (the student) also learns the
/// teacher's softened class probabilities on the same augmented batch. The training loss becomes
/// <c>(1 − w)·loss(labels) + w·T²·KL(p ‖ softmax(student/T))</c> with <c>p = softmax(teacher/T)</c>, where
/// <c>loss</c> is the <see cref="LabelLoss"/> it wraps; with several teachers (an ensemble), <c>p</c> is the mean of
/// their softened probabilities. Validation and evaluation report the label loss alone. Pass it to
/// <see cref="Sequential.Compile"/> as the loss, or as <see cref="TrainingOptions.Distillation"/> (which wraps the
/// options' own label loss); create it with <see cref="Losses.DistillFrom(Sequential, double, double, Loss?)"/>.
/// </summary>
/// <remarks>
/// The teachers run in inference mode on every training batch, so a step costs one forward pass more per teacher.
/// Each must take the same input shape and normalisation as the student, output the same classes and live on the
/// same device.
/// </remarks>
public sealed class KnowledgeDistillation : Loss
{
    internal KnowledgeDistillation(IReadOnlyList<Sequential> teachers, double temperature, double weight, Loss labelLoss)
    {
        ArgumentNullException.ThrowIfNull(labelLoss);
        if (labelLoss is KnowledgeDistillation)
        {
            throw new ArgumentException("KnowledgeDistillation: the label loss cannot be a distillation itself; list every teacher in one DistillFrom instead.", nameof(labelLoss));
        }

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
        LabelLoss = labelLoss;
    }

    /// <summary>The loss against the labels that this distillation wraps (categorical cross-entropy unless given).</summary>
    public Loss LabelLoss { get; }

    /// <summary>The <see cref="LabelLoss"/>: validation and evaluation report it alone.</summary>
    public override Loss EvaluationLoss => LabelLoss;

    /// <summary>The trained models whose predictions are learned: one, or several whose softened probabilities are averaged.</summary>
    public IReadOnlyList<Sequential> Teachers { get; }

    /// <summary>T: softens both models' probabilities before they are compared (Hinton et al. use 2–20; 4 is common).</summary>
    public double Temperature { get; }

    /// <summary>w in [0, 1]: the share of the teacher's term in the loss; 1 ignores the labels.</summary>
    public double Weight { get; }

    /// <summary>A description such as "KnowledgeDistillation(teacher=CompactVgg, T=4, w=0.9)" or, for an ensemble, "KnowledgeDistillation(teachers=CompactVgg+CompactVgg, T=4, w=0.9)"; the label loss has its own (<see cref="LabelLoss"/>).</summary>
    public override string ToString()
    {
        var names = string.Join('+', Teachers.Select(t => t.TrainingInfo.TryGetValue(TrainingInfoKeys.Architecture, out var name) ? name : "Sequential"));
        return $"KnowledgeDistillation({(Teachers.Count == 1 ? "teacher" : "teachers")}={names}, T={Temperature}, w={Weight})";
    }

    /// <summary>The same distillation around another label loss (<see cref="TrainingOptions.Distillation"/> wraps the options' own).</summary>
    internal KnowledgeDistillation WithLabelLoss(Loss labelLoss) => new(Teachers, Temperature, Weight, labelLoss);

    /// <summary>Throws unless the label loss fits <paramref name="student"/> and every teacher can teach it.</summary>
    internal override void CheckCompatible(Sequential student)
    {
        LabelLoss.CheckCompatible(student);
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

    /// <summary>The label loss alone, as validation and evaluation report it.</summary>
    internal override Tensor Compute(Tensor outputs, Tensor targets, bool outputsAreProbabilities)
        => LabelLoss.Compute(outputs, targets, outputsAreProbabilities);

    /// <summary>The distillation loss of a training batch: the label loss and the teachers' term on <paramref name="images"/>.</summary>
    internal override Tensor ComputeTraining(Tensor outputs, Tensor targets, bool outputsAreProbabilities, Tensor images)
    {
        using var scope = NewDisposeScope();
        var plainLoss = LabelLoss.Compute(outputs, targets, outputsAreProbabilities);
        var teacherLogProbabilities = TeacherLogProbabilities(images);
        var studentLogits = outputsAreProbabilities ? outputs.ClampTo(1e-7, 1.0).log() : outputs;
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
