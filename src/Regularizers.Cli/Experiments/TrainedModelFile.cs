using System.Text.Json;
using Regularizers.Torch.Ensembles;
using Regularizers.Torch.Models;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// The file <c>train</c> writes and <c>evaluate</c> reads: a <see cref="ModelFile"/> of kind <c>regularizers train
/// model</c> whose header names the preset, the configuration, the network (<see cref="ModelSpec"/>), the seed and the
/// test accuracy measured right after training, followed by each member's state dictionary. Files of 0.2.0 (magic
/// <c>Regularizers.Cli.Model/1</c>) are read too.
/// </summary>
internal static class TrainedModelFile
{
    /// <summary>The kind in the file.</summary>
    public const string Kind = "regularizers train model";

    /// <summary>What the header records.</summary>
    /// <param name="Preset">The preset the model was trained under.</param>
    /// <param name="Configuration">The configuration's name.</param>
    /// <param name="Network">The network each member is, before the configuration's layers (<see cref="Configuration.Build"/>).</param>
    /// <param name="Seed">The training seed.</param>
    /// <param name="TestAccuracy">Test accuracy measured right after training.</param>
    /// <param name="FeatureScale">What the training CSV's features were divided by (null: not given, or IDX data); evaluate scales a CSV alike.</param>
    public sealed record Header(string Preset, string Configuration, ModelSpec Network, int Seed, double TestAccuracy, double? FeatureScale = null);

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, Header header, TrainedModel model) => ModelFile.Write(path, Kind, header, model.Members);

    /// <summary>Reads a model file and rebuilds its networks.</summary>
    /// <exception cref="InvalidDataException">The file was not written by <c>train</c>, names a configuration this version does not know, or is truncated or corrupt.</exception>
    public static (Header Header, TrainedModel Model) Load(string path)
    {
        var saved = ModelFile.Read<Header>(path, Kind, (header, _) => Find(path, header).Build(header.Network), Legacy.Format(path));
        var network = saved.Header.Network;
        var ensemble = BaggingEnsemble.FromModels(saved.Modules, network.Inputs, network.Outputs, Find(path, saved.Header).Combination);
        return (saved.Header, new TrainedModel(ensemble, network.Outputs));
    }

    private static Configuration Find(string path, Header header) =>
        Catalog.Find(header.Preset, header.Configuration, header.Network.Architecture)
        ?? throw new InvalidDataException($"{path} names configuration '{header.Configuration}' of preset '{header.Preset}', which this version does not know.");

    /// <summary>The header of 0.2.0's files: magic <c>Regularizers.Cli.Model/1</c>, this JSON, then the members' state dictionaries.</summary>
    private sealed record Legacy(
        string Preset, string Configuration, IReadOnlyList<int> HiddenLayers, Activation Activation,
        int Features, int Classes, int Members, int Seed, double TestAccuracy)
    {
        public static LegacyFormat<Header> Format(string path) => new("Regularizers.Cli.Model/1", reader =>
        {
            var old = JsonSerializer.Deserialize<Legacy>(reader.ReadString()) ?? throw new FormatException("the header is null.");
            var network = Presets.Settings(old.Preset).Network with
            {
                Inputs = old.Features, HiddenLayers = old.HiddenLayers, Outputs = old.Classes, Activation = old.Activation,
            };
            var header = new Header(old.Preset, old.Configuration, network, old.Seed, old.TestAccuracy);
            var configuration = Find(path, header);
            return new SavedModel<Header>(header, ModelFile.LoadModules(reader, old.Members, _ => configuration.Build(header.Network)));
        });
    }
}
