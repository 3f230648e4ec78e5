using Fer.Datasets;
using static TorchSharp.torch;

namespace Fer.Core.Tests;

public sealed class KnowledgeDistillationTests
{
    [Fact]
    public void The_loss_mixes_the_label_loss_with_the_temperature_scaled_divergence_from_the_teacher()
    {
        using var teacher = SyntheticFaces.SmallNet(seed: 3);
        using var student = SyntheticFaces.SmallNet(seed: 4);
        var distillation = Losses.DistillFrom(teacher, temperature: 2, weight: 0.25);
        student.Compile(loss: distillation);
        using var scope = NewDisposeScope();
        var images = randn([4, 1, 16, 16], generator: new Generator(5));
        var studentLogits = tensor(new float[] { 2f, 0f, -1f, 0.5f, 0.5f, 1f, -2f, 3f, 0f, 1f, 1f, 1f }, [4, 3]);
        var targets = nn.functional.one_hot(tensor(new long[] { 0, 2, 1, 1 }), 3).to_type(ScalarType.Float32);
        var plain = distillation.LabelLoss.Compute(studentLogits, targets, outputsAreProbabilities: false).item<float>();

        var combined = distillation.ComputeTraining(studentLogits, targets, outputsAreProbabilities: false, images).item<float>();

        float[] teacherLogits;
        using (no_grad())
        {
            teacherLogits = teacher.ForwardEvaluation(images).data<float>().ToArray();
        }

        var divergence = 0.0;
        for (var row = 0; row < 4; row++)
        {
            var t = SoftmaxRow(teacherLogits, row, 2);
            var s = SoftmaxRow(studentLogits.data<float>().ToArray(), row, 2);
            divergence += t.Select((p, i) => p * Math.Log(p / s[i])).Sum();
        }

        var expected = (0.75 * plain) + (0.25 * 4 * divergence / 4);
        Assert.Equal(expected, combined, 4);
    }

    [Fact]
    public void A_student_that_never_sees_the_labels_learns_the_task_from_a_trained_teacher_and_not_from_an_untrained_one()
    {
        var train = SyntheticFaces.Make(600, seed: 1);
        var test = SyntheticFaces.Make(300, seed: 2);
        using var teacher = SyntheticFaces.SmallNet(seed: 1).Compile(Optimizers.Adam(0.01));
        teacher.Fit(train, epochs: 6, batchSize: 32);
        Assert.True(teacher.Evaluate(test)["accuracy"] > 0.95);

        double StudentAccuracy(Sequential from)
        {
            using var student = SyntheticFaces.SmallNet(seed: 2).Compile(Optimizers.Adam(0.01), Losses.DistillFrom(from, temperature: 2, weight: 1));
            student.Fit(train, epochs: 6, batchSize: 32);
            return student.Evaluate(test)["accuracy"];
        }

        using var untrained = SyntheticFaces.SmallNet(seed: 9).Compile();
        Assert.True(StudentAccuracy(teacher) > 0.9);
        Assert.True(StudentAccuracy(untrained) < 0.7);
    }

    [Fact]
    public void Validation_loss_and_evaluation_stay_the_plain_label_loss()
    {
        var data = SyntheticFaces.Make(60, seed: 6);
        using var teacher = SyntheticFaces.SmallNet(seed: 1).Compile();
        using var student = SyntheticFaces.SmallNet(seed: 2).Compile(loss: Losses.DistillFrom(teacher, weight: 1));
        using var plain = SyntheticFaces.SmallNet(seed: 2).Compile();
        Assert.Equal(plain.Evaluate(data)["loss"], student.Evaluate(data)["loss"], 6);
    }

    [Fact]
    public void A_teacher_that_does_not_fit_the_student_is_refused_with_the_reason()
    {
        using var teacher = SyntheticFaces.SmallNet(seed: 1);
        using var otherSize = SyntheticFaces.SmallNet(seed: 1, size: 24);
        Assert.Contains("the teacher takes", Assert.Throws<FerModelException>(() => otherSize.Compile(loss: Losses.DistillFrom(teacher))).Message);
        Assert.Contains("its own teacher", Assert.Throws<FerModelException>(() => teacher.Compile(loss: Losses.DistillFrom(teacher))).Message);

        using var student = SyntheticFaces.SmallNet(seed: 2);
        student.Normalization = Normalization.Fer2013;
        Assert.Contains("normalises images", Assert.Throws<FerModelException>(() => student.Compile(loss: Losses.DistillFrom(teacher))).Message);

        Assert.Contains("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => Losses.DistillFrom(teacher, temperature: 0)).Message);
        Assert.Contains("weight", Assert.Throws<ArgumentOutOfRangeException>(() => Losses.DistillFrom(teacher, weight: 1.5)).Message);
        Assert.Throws<ArgumentNullException>(() => Losses.DistillFrom((Sequential)null!));
    }

    [Fact]
    public void An_ensemble_teaches_the_mean_of_its_softened_probabilities()
    {
        using var first = SyntheticFaces.SmallNet(seed: 3);
        using var second = SyntheticFaces.SmallNet(seed: 7);
        using var student = SyntheticFaces.SmallNet(seed: 4);
        var distillation = Losses.DistillFrom([first, second], temperature: 2, weight: 1);
        student.Compile(loss: distillation);
        using var scope = NewDisposeScope();
        var images = randn([4, 1, 16, 16], generator: new Generator(5));
        var studentLogits = tensor(new float[] { 2f, 0f, -1f, 0.5f, 0.5f, 1f, -2f, 3f, 0f, 1f, 1f, 1f }, [4, 3]);

        var targets = nn.functional.one_hot(tensor(new long[] { 0, 2, 1, 1 }), 3).to_type(ScalarType.Float32);
        var combined = distillation.ComputeTraining(studentLogits, targets, outputsAreProbabilities: false, images).item<float>();

        float[] firstLogits, secondLogits;
        using (no_grad())
        {
            firstLogits = first.ForwardEvaluation(images).data<float>().ToArray();
            secondLogits = second.ForwardEvaluation(images).data<float>().ToArray();
        }

        var divergence = 0.0;
        for (var row = 0; row < 4; row++)
        {
            var a = SoftmaxRow(firstLogits, row, 2);
            var b = SoftmaxRow(secondLogits, row, 2);
            var s = SoftmaxRow(studentLogits.data<float>().ToArray(), row, 2);
            divergence += a.Select((p, i) => (p + b[i]) / 2).Select((p, i) => p * Math.Log(p / s[i])).Sum();
        }

        Assert.Equal(4 * divergence / 4, combined, 4);
        Assert.Equal("KnowledgeDistillation(teachers=Sequential+Sequential, T=2, w=1)", distillation.ToString());
    }

    [Fact]
    public void An_ensemble_is_refused_when_empty_holds_null_or_a_teacher_does_not_fit()
    {
        using var teacher = SyntheticFaces.SmallNet(seed: 1);
        using var otherSize = SyntheticFaces.SmallNet(seed: 1, size: 24);
        using var student = SyntheticFaces.SmallNet(seed: 2);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => Losses.DistillFrom(Array.Empty<Sequential>())).Message);
        Assert.Contains("teachers[1]", Assert.Throws<ArgumentNullException>(() => Losses.DistillFrom([teacher, null!])).Message);
        Assert.Contains("teacher 2 of 2 takes", Assert.Throws<FerModelException>(() => student.Compile(loss: Losses.DistillFrom([teacher, otherSize]))).Message);
        Assert.Contains("teacher 1 of 2 is the student", Assert.Throws<FerModelException>(() => student.Compile(loss: Losses.DistillFrom([student, teacher]))).Message);
    }

    private static double[] SoftmaxRow(float[] logits, int row, double temperature)
    {
        var values = logits.Skip(row * 3).Take(3).Select(v => v / temperature).ToArray();
        var sum = values.Sum(Math.Exp);
        return values.Select(v => Math.Exp(v) / sum).ToArray();
    }
}
