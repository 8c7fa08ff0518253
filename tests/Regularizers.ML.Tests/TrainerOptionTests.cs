using Microsoft.ML;
using Microsoft.ML.Data;
using Regularizers.Core.Stopping;
using Regularizers.Torch.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.ML.Tests;

public class TrainerOptionTests
{
    private static readonly MLContext Context = new(seed: 2);

    // One key mapping for every subset, learned on the training rows, as a fitted pipeline would apply it.
    private static readonly ITransformer Prep = Context.Transforms.Concatenate("Features", "Pixels")
        .Append(Context.Transforms.Conversion.MapValueToKey("Label"))
        .Fit(Context.Data.LoadFromEnumerable(FashionRows.Train));

    private static IDataView Features(IEnumerable<FashionRow> rows) => Prep.Transform(Context.Data.LoadFromEnumerable(rows));

    private static RegularizedNeuralNetworkTransformer Fit(RegularizedNeuralNetworkOptions options, int rows = 1_000) =>
        Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork(options).Fit(Features(FashionRows.Train.Take(rows)));

    private static double NearZeroFraction(RegularizedNeuralNetworkTransformer model)
    {
        using var scope = NewDisposeScope();
        var weights = model.Members[0].named_parameters().Where(p => p.name.EndsWith(".weight", StringComparison.Ordinal)).Select(p => p.parameter.flatten()).ToArray();
        return cat(weights).abs().lt(1e-3).to_type(ScalarType.Float64).mean().item<double>();
    }

    [Fact]
    public void L1Regularization_RaisesWeightSparsity()
    {
        using var plain = Fit(new RegularizedNeuralNetworkOptions { HiddenLayers = [32], Epochs = 3, Seed = 1 });
        using var sparse = Fit(new RegularizedNeuralNetworkOptions { HiddenLayers = [32], Epochs = 3, Seed = 1, L1Regularization = 1e-3 });

        Assert.True(NearZeroFraction(sparse) > NearZeroFraction(plain) + 0.1, $"{NearZeroFraction(sparse)} vs {NearZeroFraction(plain)}");
    }

    [Fact]
    public void MaxNorm_KeepsEveryUnitsIncomingWeightsWithinC()
    {
        using var model = Fit(new RegularizedNeuralNetworkOptions { HiddenLayers = [32], Epochs = 2, Seed = 1, MaxNorm = 0.5, LearningRate = 1e-2 });

        var hidden = (Linear)model.Members[0].named_children().First(c => c.name == "hidden1").module;
        using var norms = hidden.weight.norm(1, keepdim: false);
        Assert.True(norms.max().item<float>() <= 0.5f + 1e-5f);
    }

    [Fact]
    public void EarlyStopping_StopsAndRestoresTheBestEpoch()
    {
        var epochs = new List<EpochMetrics>();
        using var model = Fit(new RegularizedNeuralNetworkOptions
        {
            HiddenLayers = [32], Epochs = 20, Seed = 1, ValidationFraction = 0.2,
            EarlyStoppingCriterion = new MaxEpochs(4), Progress = epochs.Add,
        });

        var history = model.History!;
        Assert.Equal(4, history.Epochs.Count);
        Assert.NotNull(history.StopReason);
        Assert.Equal(4, epochs.Count);
        var best = history.Epochs.MinBy(e => e.ValidationLoss!.Value)!.Epoch;
        Assert.Equal(best, history.RestoredEpoch);
    }

    [Fact]
    public void FitWithValidationData_SameModelAsValidationDataInTheOptions()
    {
        var train = Features(FashionRows.Train.Take(600));
        var valid = Features(FashionRows.Train.Skip(600).Take(200));
        var options = new RegularizedNeuralNetworkOptions { HiddenLayers = [16], Epochs = 6, Seed = 3, EarlyStoppingCriterion = new Patience(1) };

        using var overload = Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork(options).Fit(train, valid);
        options.ValidationData = valid;
        using var viaOptions = Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork(options).Fit(train);

        Assert.All(overload.History!.Epochs, e => Assert.NotNull(e.ValidationLoss));
        Assert.Equal(viaOptions.History!.Epochs.Select(e => e.ValidationLoss), overload.History.Epochs.Select(e => e.ValidationLoss));
        Assert.Equal(viaOptions.History.RestoredEpoch, overload.History.RestoredEpoch);
    }

    [Fact]
    public void FitWithValidationData_OptionsAlsoHoldValidationData_ThrowsSayingSo()
    {
        var data = Features(FashionRows.Train.Take(50));
        var trainer = Context.MulticlassClassification.Trainers.RegularizedNeuralNetwork(new RegularizedNeuralNetworkOptions { ValidationData = data });

        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(data, data));

        Assert.Equal("validationData: the options already hold ValidationData; give the validation data one way. (Parameter 'validationData')", e.Message);
    }

    [Fact]
    public void Bagging_TrainsTheMembersAndAveragesThem()
    {
        using var model = Fit(new RegularizedNeuralNetworkOptions { HiddenLayers = [32], Epochs = 2, Seed = 1, BaggingMembers = 3 });
        var test = Features(FashionRows.Test.Take(300));

        var metrics = Context.MulticlassClassification.Evaluate(model.Transform(test));

        Assert.Equal(3, model.MemberCount);
        Assert.InRange(metrics.MicroAccuracy, 0.6, 1.0);
    }

    [Fact]
    public void Regression_PredictsBrightness()
    {
        var data = Context.Data.LoadFromEnumerable(FashionRows.Train.Take(1_000));
        var pipeline = Context.Transforms.Concatenate("Features", "Pixels")
            .Append(Context.Regression.Trainers.RegularizedNeuralNetwork(new RegularizedNeuralNetworkOptions { LabelColumnName = "Brightness", HiddenLayers = [16], Epochs = 15, Seed = 1 }));

        var model = pipeline.Fit(data);
        var metrics = Context.Regression.Evaluate(model.Transform(Context.Data.LoadFromEnumerable(FashionRows.Test.Take(300))), labelColumnName: "Brightness");

        // Brightness is 10 × the mean pixel, a linear function of the features.
        Assert.InRange(metrics.RSquared, 0.9, 1.0);
    }

    [Fact]
    public void Binary_SeparatesFootwear()
    {
        var data = Context.Data.LoadFromEnumerable(FashionRows.Train.Take(1_000));
        var pipeline = Context.Transforms.Concatenate("Features", "Pixels")
            .Append(Context.BinaryClassification.Trainers.RegularizedNeuralNetwork("IsFootwear", "Features", 32));

        var model = pipeline.Fit(data);
        var scored = model.Transform(Context.Data.LoadFromEnumerable(FashionRows.Test.Take(500)));
        var metrics = Context.BinaryClassification.Evaluate(scored, labelColumnName: "IsFootwear");

        Assert.Equal(NumberDataViewType.Single, scored.Schema["Probability"].Type);
        Assert.Equal(BooleanDataViewType.Instance, scored.Schema["PredictedLabel"].Type);
        Assert.InRange(metrics.Accuracy, 0.9, 1.0);
        Assert.InRange(metrics.AreaUnderRocCurve, 0.95, 1.0);
    }
}
