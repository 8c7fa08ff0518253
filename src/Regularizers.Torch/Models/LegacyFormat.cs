using static TorchSharp.torch;

namespace Regularizers.Torch.Models;

/// <summary>
/// A format a kind of model was saved in before <see cref="ModelFile"/>, recognised by the string it starts with (e.g.
/// <c>Regularizers.ML.RegularizedNeuralNetwork/1</c>); <see cref="ModelFile"/> reads such files through it.
/// </summary>
/// <param name="Magic">The string the old files start with (written by <see cref="BinaryWriter.Write(string)"/>).</param>
/// <param name="Read">Reads the rest of the file after the magic string; <see cref="ModelFile.LoadModules"/> loads its state dictionaries.</param>
public sealed record LegacyFormat<THeader>(string Magic, Func<BinaryReader, SavedModel<THeader>> Read);
