using Regularizers.Cli.Experiments;
using Regularizers.Torch.Ensembles;
using Regularizers.Torch.Models;
using static TorchSharp.torch;

namespace Regularizers.Cli.Tests;

public sealed class TrainedModelFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trained-model-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Tensor Probe() => tensor(new[] { 0.5f, -1f, 2f, 0.25f, -0.75f, 0.1f, 0.3f, -2f, 1f, 1f, 1f, 1f }, new long[] { 3, 4 });

    [Fact]
    public void SaveThenLoad_SameHeaderAndScores()
    {
        var configuration = Catalog.Find(Presets.DefaultName, "max-norm-dropout")!;
        var network = Presets.Default.NetworkFor(4, 2) with { HiddenLayers = [3] };
        manual_seed(12);
        using var model = new TrainedModel(BaggingEnsemble.FromModels([configuration.Build(network), configuration.Build(network)], 4, 2, configuration.Combination), 2);
        var path = Path.Combine(_directory, "model.bin");
        var header = new TrainedModelFile.Header(Presets.DefaultName, configuration.Name, network, 5, 0.75);
        using var probe = Probe();

        TrainedModelFile.Save(path, header, model);
        var (loadedHeader, loaded) = TrainedModelFile.Load(path);
        using var _ = loaded;

        Assert.Equal(header, loadedHeader);
        var (before, after) = (model.Score(probe, [0, 1, 1]), loaded.Score(probe, [0, 1, 1]));
        Assert.Equal((before.Loss, before.Accuracy), (after.Loss, after.Accuracy));
        Assert.Equal(before.Predictions, after.Predictions);
        Assert.Equal(before.AccuracyBySize, after.AccuracyBySize);
    }

    [Fact]
    public void Load_AnEnsembleFile_NamesBothKinds()
    {
        var path = Path.Combine(_directory, "ensemble.bin");
        ModelFile.Write(path, "BaggingEnsemble", new { ClassCount = 2 }, []);

        var e = Assert.Throws<InvalidDataException>(() => TrainedModelFile.Load(path));

        Assert.Equal($"{path} is a saved BaggingEnsemble, not a regularizers train model.", e.Message);
    }

    [Fact]
    public void Load_UnknownConfiguration_NamesIt()
    {
        var path = Path.Combine(_directory, "model.bin");
        var network = Presets.Default.NetworkFor(4, 2);
        using var member = Catalog.None.Build(network);
        ModelFile.Write(path, TrainedModelFile.Kind, new TrainedModelFile.Header(Presets.DefaultName, "retired", network, 0, 0.5), [member]);

        var e = Assert.Throws<InvalidDataException>(() => TrainedModelFile.Load(path));

        Assert.Equal($"{path} names configuration 'retired' of preset 'default', which this version does not know.", e.Message);
    }
}
