using Microsoft.ML;

namespace Regularizers.ML;

/// <summary>
/// The trainer's entry points on ML.NET's task catalogs, each with a simple overload (label, features, hidden layer
/// sizes) and an <see cref="RegularizedNeuralNetworkOptions"/> overload.
/// </summary>
public static class RegularizedNeuralNetworkCatalog
{
    /// <summary>A regularized network for a key label: outputs Score (class probabilities) and PredictedLabel.</summary>
    public static RegularizedNeuralNetworkTrainer RegularizedNeuralNetwork(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", params int[] hiddenLayers) =>
        new(PredictionKind.MulticlassClassification, Simple(labelColumnName, featureColumnName, hiddenLayers), MLNetEnvironment.Of(catalog));

    /// <inheritdoc cref="RegularizedNeuralNetwork(MulticlassClassificationCatalog.MulticlassClassificationTrainers, string, string, int[])"/>
    public static RegularizedNeuralNetworkTrainer RegularizedNeuralNetwork(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, RegularizedNeuralNetworkOptions options) =>
        new(PredictionKind.MulticlassClassification, options, MLNetEnvironment.Of(catalog));

    /// <summary>A regularized network for a Single label: outputs Score.</summary>
    public static RegularizedNeuralNetworkTrainer RegularizedNeuralNetwork(
        this RegressionCatalog.RegressionTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", params int[] hiddenLayers) =>
        new(PredictionKind.Regression, Simple(labelColumnName, featureColumnName, hiddenLayers), MLNetEnvironment.Of(catalog));

    /// <inheritdoc cref="RegularizedNeuralNetwork(RegressionCatalog.RegressionTrainers, string, string, int[])"/>
    public static RegularizedNeuralNetworkTrainer RegularizedNeuralNetwork(this RegressionCatalog.RegressionTrainers catalog, RegularizedNeuralNetworkOptions options) =>
        new(PredictionKind.Regression, options, MLNetEnvironment.Of(catalog));

    /// <summary>A regularized network for a Boolean label: outputs Score (log-odds), Probability and PredictedLabel.</summary>
    public static RegularizedNeuralNetworkTrainer RegularizedNeuralNetwork(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, string labelColumnName = "Label", string featureColumnName = "Features", params int[] hiddenLayers) =>
        new(PredictionKind.BinaryClassification, Simple(labelColumnName, featureColumnName, hiddenLayers), MLNetEnvironment.Of(catalog));

    /// <inheritdoc cref="RegularizedNeuralNetwork(BinaryClassificationCatalog.BinaryClassificationTrainers, string, string, int[])"/>
    public static RegularizedNeuralNetworkTrainer RegularizedNeuralNetwork(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, RegularizedNeuralNetworkOptions options) =>
        new(PredictionKind.BinaryClassification, options, MLNetEnvironment.Of(catalog));

    private static RegularizedNeuralNetworkOptions Simple(string label, string features, int[] hiddenLayers) => new()
    {
        LabelColumnName = label,
        FeatureColumnName = features,
        HiddenLayers = hiddenLayers is { Length: > 0 } ? hiddenLayers : RegularizedNeuralNetworkOptions.DefaultHiddenLayers,
    };
}
