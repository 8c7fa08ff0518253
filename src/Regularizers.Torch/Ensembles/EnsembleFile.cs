using Regularizers.Core.Ensembles;
using Regularizers.Core.Sampling;
using Regularizers.Torch.Models;
using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Torch.Ensembles;

/// <summary>
/// How ensembles use <see cref="ModelFile"/>: kind <c>BaggingEnsemble</c> or <c>BaggingRegressor</c>, a header with the
/// combination rule, the class count and each member's sample, then one state dictionary per member. Files of 0.2.0
/// (magic <c>Regularizers.Torch.Ensembles.BaggingEnsemble/1</c> or <c>…BaggingRegressor/1</c>: combination, class count,
/// member count, then per member its in-bag rows, out-of-bag rows, features and state dictionary) are read too.
/// </summary>
internal static class EnsembleFile
{
    public const string Classifier = nameof(BaggingEnsemble);
    public const string Regressor = nameof(BaggingRegressor);

    /// <summary>The header of both kinds (a regressor writes its rule, the arithmetic mean, and class count 0).</summary>
    internal sealed record Header(EnsembleCombination Combination, int ClassCount, IReadOnlyList<BootstrapSample> Samples);

    public static void Write(string path, string kind, EnsembleCombination combination, int classCount, IReadOnlyList<BaggingMember> members) =>
        ModelFile.Write(path, kind, new Header(combination, classCount, members.Select(m => m.Sample).ToList()), members.Select(m => m.Model).ToList());

    public static (Header Header, List<BaggingMember> Members) Read(string path, string kind, Func<int, nn.Module<Tensor, Tensor>> createModel)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        var legacy = new LegacyFormat<Header>($"Regularizers.Torch.Ensembles.{kind}/1", reader => ReadLegacy(reader, createModel));
        var saved = ModelFile.Read<Header>(path, kind, (header, i) => createModel(header.Samples[i].Features.Length), legacy);
        var members = saved.Modules.Select((model, i) => new BaggingMember(model, saved.Header.Samples[i], new TrainingHistory())).ToList();
        return (saved.Header, members);
    }

    private static SavedModel<Header> ReadLegacy(BinaryReader reader, Func<int, nn.Module<Tensor, Tensor>> createModel)
    {
        var combination = (EnsembleCombination)reader.ReadInt32();
        var classCount = reader.ReadInt32();
        var samples = new List<BootstrapSample>();
        var models = ModelFile.LoadModules(reader, reader.ReadInt32(), _ =>
        {
            samples.Add(new BootstrapSample(ReadInts(reader), ReadInts(reader), ReadInts(reader)));
            return createModel(samples[^1].Features.Length);
        });
        return new SavedModel<Header>(new Header(combination, classCount, samples), models);
    }

    private static int[] ReadInts(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length / sizeof(int))
        {
            throw new FormatException($"an array claims {length} elements.");
        }
        var values = new int[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = reader.ReadInt32();
        }
        return values;
    }
}
