using System.Text;
using System.Text.Json;
using Regularizers.Core.IO;
using static TorchSharp.torch;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// The file <c>train</c> writes and <c>evaluate</c> reads: a magic string, a JSON header (preset, configuration,
/// architecture, data shape, seed) and each member's state dictionary in TorchSharp's format. Written atomically.
/// </summary>
internal static class ModelFile
{
    /// <summary>The magic string at the start of every model file.</summary>
    public const string Magic = "Regularizers.Cli.Model/1";

    /// <summary>What the header records.</summary>
    /// <param name="Preset">The preset the model was trained under.</param>
    /// <param name="Configuration">The configuration's name.</param>
    /// <param name="HiddenLayers">Hidden layer widths.</param>
    /// <param name="Activation">Hidden activation.</param>
    /// <param name="Features">Input features.</param>
    /// <param name="Classes">Classes.</param>
    /// <param name="Members">Networks in the file.</param>
    /// <param name="Seed">The training seed.</param>
    /// <param name="TestAccuracy">Test accuracy measured right after training.</param>
    public sealed record Header(
        string Preset, string Configuration, IReadOnlyList<int> HiddenLayers, Activation Activation,
        int Features, int Classes, int Members, int Seed, double TestAccuracy);

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, Header header, TrainedModel model) => AtomicFile.Write(path, stream =>
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(JsonSerializer.Serialize(header));
        foreach (var member in model.Members)
        {
            member.save(writer);
        }
    });

    /// <summary>Reads a model file and rebuilds its networks.</summary>
    /// <exception cref="InvalidDataException">The file was not written by <c>train</c>, or is truncated or corrupt.</exception>
    public static (Header Header, TrainedModel Model) Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        Header header;
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException($"{path} is not a model written by 'regularizers train' (it does not start with {Magic}).");
            }
            header = JsonSerializer.Deserialize<Header>(reader.ReadString()) ?? throw new InvalidDataException($"{path} has an empty header.");
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException)
        {
            throw new InvalidDataException($"{path} is not a model written by 'regularizers train' (its header is unreadable).", e);
        }
        var configuration = Catalog.Find(header.Preset, header.Configuration)
            ?? throw new InvalidDataException($"{path} names configuration '{header.Configuration}' of preset '{header.Preset}', which this version does not know.");
        var settings = Presets.Settings(header.Preset) with { HiddenLayers = header.HiddenLayers, Activation = header.Activation };
        var members = new List<nn.Module<Tensor, Tensor>>();
        var owner = new Owner(members);
        try
        {
            for (var i = 0; i < header.Members; i++)
            {
                var member = ModelFactory.Build(settings, configuration, header.Features, header.Classes);
                members.Add(member);
                member.load(reader);
            }
        }
        catch (Exception e)
        {
            owner.Dispose();
            throw new InvalidDataException($"{path} is truncated or corrupt: {e.Message}", e);
        }
        return (header, new TrainedModel(members, configuration.Combination, header.Classes, owner));
    }

    private sealed class Owner(List<nn.Module<Tensor, Tensor>> members) : IDisposable
    {
        public void Dispose() => members.ForEach(m => m.Dispose());
    }
}
