using System.Text;
using Regularizers.Torch.Models;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Models;

public sealed class ModelFileTests : IDisposable
{
    private const string Kind = "TestModel";
    private readonly string _directory = Directory.CreateTempSubdirectory("model-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public sealed record Header(string Note, ModelSpec Network);

    private static ModelSpec Spec() => new() { Inputs = 4, HiddenLayers = [3], Outputs = 2, Activation = Activation.Tanh, Dropout = DropoutKind.Classic, DropoutRate = 0.25 };

    private static Tensor Probe() => tensor(new[] { 0.5f, -1f, 2f, 0.25f, -0.75f, 0.1f, 0.3f, -2f }, new long[] { 2, 4 });

    private string Path(string name) => System.IO.Path.Combine(_directory, name);

    /// <summary>Two 4-3-2 networks from seeds 1 and 2, saved to <paramref name="path"/>; returns their eval-mode outputs on the probe.</summary>
    private static float[] SaveTwo(string path)
    {
        manual_seed(1);
        using var first = Spec().Build();
        manual_seed(2);
        using var second = Spec().Build();
        ModelFile.Write(path, Kind, new Header("two", Spec()), [first, second]);
        return Outputs([first, second]);
    }

    private static float[] Outputs(IEnumerable<nn.Module<Tensor, Tensor>> modules)
    {
        using var probe = Probe();
        using var noGrad = no_grad();
        return modules.SelectMany(m =>
        {
            m.eval();
            using var output = m.call(probe);
            return Values(output);
        }).ToArray();
    }

    private static SavedModel<Header> Read(string path) => ModelFile.Read<Header>(path, Kind, (header, _) => header.Network.Build());

    [Fact]
    public void WriteThenRead_SameHeaderAndOutputs()
    {
        var path = Path("model.bin");
        var before = SaveTwo(path);

        var saved = Read(path);
        try
        {
            Assert.Equal(new Header("two", Spec()), saved.Header);
            Assert.Equal(before, Outputs(saved.Modules));
            Assert.Equal(["model.bin"], Directory.GetFiles(_directory).Select(System.IO.Path.GetFileName));
        }
        finally
        {
            foreach (var m in saved.Modules)
            {
                m.Dispose();
            }
        }
    }

    [Fact]
    public void Write_Layout_MagicVersionKindJsonHeaderCountThenStateDicts()
    {
        var path = Path("model.bin");
        SaveTwo(path);

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);

        Assert.Equal("Regularizers.Torch.Model", reader.ReadString());
        Assert.Equal(2, reader.ReadInt32());
        Assert.Equal(Kind, reader.ReadString());
        Assert.Equal(
            """{"Note":"two","Network":{"Inputs":4,"HiddenLayers":[3],"Outputs":2,"Activation":"Tanh","Dropout":"Classic","DropoutRate":0.25,"Optimizer":"Adam","LearningRate":0.001,"Architecture":"MultilayerPerceptron","Channels":[],"ImageChannels":1,"DropPathRate":0,"DropBlockRate":0,"DropBlockSize":3}}""",
            reader.ReadString());
        Assert.Equal(2, reader.ReadInt32());
        using var module = Spec().Build();
        module.load(reader);
        module.load(reader);
        var payload = (int)reader.BaseStream.Position;
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path).AsSpan(0, payload)), reader.ReadBytes(64));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a model")]
    public void Read_ForeignFile_SaysSo(string content)
    {
        var path = Path("foreign.bin");
        File.WriteAllText(path, content);

        var e = Assert.Throws<InvalidDataException>(() => Read(path));

        Assert.Equal($"{path} is not a model file of Regularizers.Torch (it does not start with \"Regularizers.Torch.Model\").", e.Message);
    }

    [Fact]
    public void Read_AnotherKind_NamesBoth()
    {
        var path = Path("other.bin");
        ModelFile.Write(path, "BaggingRegressor", new Header("x", Spec()), []);

        var e = Assert.Throws<InvalidDataException>(() => Read(path));

        Assert.Equal($"{path} is a saved BaggingRegressor, not a {Kind}.", e.Message);
    }

    [Fact]
    public void Read_NewerFormat_AsksForAnUpgrade()
    {
        var path = Path("newer.bin");
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write(ModelFile.Magic);
            writer.Write(3);
            writer.Write(Kind);
            writer.Write("{ a header this version cannot know }");
        }

        var e = Assert.Throws<InvalidDataException>(() => Read(path));

        Assert.Equal(
            $"{path} was written by a newer version (model file format 3); this version reads format 2 or lower: upgrade Regularizers.Torch.",
            e.Message);
    }

    [Theory]
    [InlineData(26)]
    [InlineData(40)]
    [InlineData(120)]
    [InlineData(-40)]
    public void Read_Truncated_SaysTruncatedAndDisposesWhatItBuilt(int keep)
    {
        var path = Path("cut.bin");
        SaveTwo(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(keep > 0 ? keep : bytes.Length + keep)]);
        var built = new List<nn.Module<Tensor, Tensor>>();

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Read<Header>(path, Kind, (header, _) =>
        {
            built.Add(header.Network.Build());
            return built[^1];
        }));

        Assert.StartsWith($"{path} is truncated or corrupt: ", e.Message, StringComparison.Ordinal);
        Assert.Equal(keep > 0 ? 0 : 2, built.Count);
        Assert.All(built.SelectMany(m => m.parameters()), p => Assert.Equal(IntPtr.Zero, p.Handle));
    }

    [Theory]
    [InlineData(-10, "is truncated: its SHA-256 checksum is missing.")]
    [InlineData(-100, "is corrupt: its SHA-256 checksum does not match its contents (the file was changed after it was saved).")]
    public void Read_ChecksumMissingOrAByteFlipped_FailsAndDisposesWhatItBuilt(int offset, string message)
    {
        var path = Path("changed.bin");
        SaveTwo(path);
        var bytes = File.ReadAllBytes(path);
        if (offset == -10)
        {
            bytes = bytes[..^10];
        }
        else
        {
            // A weight byte of the second state dictionary: it still loads, only the checksum can tell.
            bytes[^-offset] ^= 0x40;
        }
        File.WriteAllBytes(path, bytes);
        var built = new List<nn.Module<Tensor, Tensor>>();

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Read<Header>(path, Kind, (header, _) =>
        {
            built.Add(header.Network.Build());
            return built[^1];
        }));

        Assert.Equal($"{path} {message}", e.Message);
        Assert.Equal(2, built.Count);
        Assert.All(built.SelectMany(m => m.parameters()), p => Assert.Equal(IntPtr.Zero, p.Handle));
    }

    [Fact]
    public void Read_StateDictOfAnotherShape_SaysCorruptAndDisposesWhatItBuilt()
    {
        var path = Path("model.bin");
        SaveTwo(path);
        var built = new List<nn.Module<Tensor, Tensor>>();

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Read<Header>(path, Kind, (header, i) =>
        {
            built.Add((header.Network with { HiddenLayers = i == 0 ? [3] : [5] }).Build());
            return built[^1];
        }));

        Assert.StartsWith($"{path} is truncated or corrupt: ", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, built.Count);
        Assert.All(built.SelectMany(m => m.parameters()), p => Assert.Equal(IntPtr.Zero, p.Handle));
    }

    [Theory]
    [InlineData("{not json", "is truncated or corrupt: ")]
    [InlineData("""{"Note":"x","Network":{"Inputs":4,"HiddenLayers":[3],"Outputs":2,"DropoutRate":1.5}}""", "is truncated or corrupt: DropoutRate must be a finite number in the range [0, 1). Received: DropoutRate=1.5.")]
    public void Read_BadHeader_SaysCorrupt(string json, string message)
    {
        var path = Path("header.bin");
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write(ModelFile.Magic);
            writer.Write(1);
            writer.Write(Kind);
            writer.Write(json);
            writer.Write(0);
        }

        var e = Assert.Throws<InvalidDataException>(() => Read(path));

        Assert.StartsWith($"{path} {message}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BuilderRejectsTheHeader_ItsMessagePassesThrough()
    {
        var path = Path("model.bin");
        SaveTwo(path);

        var e = Assert.Throws<InvalidDataException>(() =>
            ModelFile.Read<Header>(path, Kind, (header, _) => throw new InvalidDataException($"{path} names '{header.Note}', which this version does not know.")));

        Assert.Equal($"{path} names 'two', which this version does not know.", e.Message);
    }

    [Fact]
    public void Read_LegacyMagic_ReadThroughTheLegacyFormat()
    {
        var path = Path("old.bin");
        manual_seed(3);
        using var old = Spec().Build();
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write("Old.Format/1");
            writer.Write("legacy note");
            old.save(writer);
        }
        var legacy = new LegacyFormat<Header>("Old.Format/1", reader =>
        {
            var header = new Header(reader.ReadString(), Spec());
            return new SavedModel<Header>(header, ModelFile.LoadModules(reader, 1, _ => Spec().Build()));
        });

        var saved = ModelFile.Read<Header>(path, Kind, (header, _) => header.Network.Build(), legacy);
        using var loaded = saved.Modules.Single();

        Assert.Equal("legacy note", saved.Header.Note);
        Assert.Equal(Outputs([old]), Outputs([loaded]));
    }

    [Fact]
    public void Read_TruncatedLegacyFile_SaysTruncated()
    {
        var path = Path("old.bin");
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write("Old.Format/1");
        }
        var legacy = new LegacyFormat<Header>("Old.Format/1", reader => new SavedModel<Header>(new Header(reader.ReadString(), Spec()), []));

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Read<Header>(path, Kind, (header, _) => header.Network.Build(), legacy));

        Assert.StartsWith($"{path} is truncated or corrupt: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Stream_MessagesUseTheGivenName()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("hello"));

        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Read<Header>(stream, "The stream", Kind, (header, _) => header.Network.Build()));

        Assert.StartsWith("The stream is not a model file of Regularizers.Torch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FormatOneFile_HeaderWithoutArchitectureLoadsAsPerceptron()
    {
        // Format 1's layout, with the ModelSpec JSON that version wrote (no convolutional properties).
        const string formatOneHeader =
            """{"Note":"v1","Network":{"Inputs":4,"HiddenLayers":[3],"Outputs":2,"Activation":"Tanh","Dropout":"Classic","DropoutRate":0.25,"Optimizer":"Adam","LearningRate":0.001}}""";
        var path = Path("v1.bin");
        manual_seed(5);
        using var old = Spec().Build();
        using (var file = File.Create(path))
        {
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(ModelFile.Magic);
                writer.Write(1);
                writer.Write(Kind);
                writer.Write(formatOneHeader);
                writer.Write(1);
                old.save(writer);
            }
            file.Write(buffer.ToArray());
            file.Write(System.Security.Cryptography.SHA256.HashData(buffer.ToArray()));
        }

        var saved = Read(path);
        using var loaded = saved.Modules[0];

        Assert.Equal(Spec(), saved.Header.Network);
        Assert.Equal(Architecture.MultilayerPerceptron, saved.Header.Network.Architecture);
        Assert.Equal(Outputs([old]), Outputs([loaded]));
    }

    [Fact]
    public void WriteRead_ResidualCnnSpec_SameSpecAndOutputs()
    {
        var spec = new ModelSpec
        {
            Inputs = 64, HiddenLayers = [5], Outputs = 3, Architecture = Architecture.ResidualCnn, Channels = [4, 6],
            DropPathRate = 0.2, DropBlockRate = 0.1, DropBlockSize = 2, Dropout = DropoutKind.Inverted,
        };
        var path = Path("cnn.bin");
        manual_seed(6);
        using var cnn = spec.Build();
        ModelFile.Write(path, Kind, new Header("cnn", spec), [cnn]);
        using var probe = randn(2, 64);
        cnn.eval();
        var expected = Values(cnn.call(probe));

        var saved = ModelFile.Read<Header>(path, Kind, (header, _) => header.Network.Build());
        using var loaded = saved.Modules[0];
        loaded.eval();

        Assert.Equal(spec, saved.Header.Network);
        Assert.Equal(expected, Values(loaded.call(probe)));
    }
}
