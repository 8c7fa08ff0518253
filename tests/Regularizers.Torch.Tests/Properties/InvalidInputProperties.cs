using CsCheck;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Penalties;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Invalid inputs to every regularizer: strengths that are NaN, ±∞ or out of range, and tensors that are integer,
/// boolean, disposed, null or of the wrong rank or shape, each raise an <see cref="ArgumentException"/> naming the
/// argument (and, for numbers, echoing the value received), never a libtorch abort, and leave no tensor alive.
/// </summary>
[Collection(nameof(LiveTensorCount))]
public sealed class InvalidInputProperties
{
    private static readonly Gen<double> NotFinite = Gen.OneOf(Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity), Gen.Const(double.NegativeInfinity));

    private static readonly Gen<double> Negative = Gen.OneOf(NotFinite, Gen.Double[-1e9, -1e-12]);

    private static readonly Gen<double> NotAProbability = Gen.OneOf(Negative, Gen.Double[1, 1e9]);

    private static readonly Gen<double> NotPositive = Gen.OneOf(Negative, Gen.Const(0.0));

    /// <summary>A constructor or call that takes one number, with the argument's name and the values it must refuse.</summary>
    public sealed record Strength(string Argument, Gen<double> Invalid, Action<double> Call)
    {
        public override string ToString() => Argument;
    }

    private static readonly Gen<Strength> Strengths = Gen.OneOf(
        Gen.Const(new Strength("strength", Negative, v => _ = new L1Penalty(v))),
        Gen.Const(new Strength("strength", Negative, v => _ = new L2Penalty(v))),
        Gen.Const(new Strength("l1Strength", Negative, v => _ = new ElasticNetPenalty(v, 0))),
        Gen.Const(new Strength("l2Strength", Negative, v => _ = new ElasticNetPenalty(0, v))),
        Gen.Const(new Strength("maxValue", NotPositive, v => _ = new MaxNorm(v))),
        Gen.Const(new Strength("min", Negative, v => _ = new MinMaxNorm(v, 1))),
        Gen.Const(new Strength("rate", Gen.OneOf(Negative, Gen.Double[1 + 1e-9, 1e9]), v => _ = new MinMaxNorm(0, 1, v))),
        Gen.Const(new Strength("p", NotAProbability, v => _ = new InvertedDropout(v))),
        Gen.Const(new Strength("p", NotAProbability, v => _ = new ClassicDropout(v))),
        Gen.Const(new Strength("p", NotAProbability, v => _ = new GaussianDropout(v))),
        Gen.Const(new Strength("stddev", Negative, v => _ = new GaussianNoise(v))),
        Gen.Const(new Strength("epsilon", Gen.OneOf(Negative, Gen.Double[1 + 1e-9, 1e9]), v => _ = new LabelSmoothingCrossEntropy(v))),
        Gen.Const(new Strength("p", NotAProbability, v =>
        {
            using var x = ones(3);
            using var y = RegularizerFunctional.inverted_dropout(x, v);
        })));

    [Fact]
    public void Constructors_InvalidStrength_ThrowNamingTheArgumentAndEchoingTheValue()
    {
        Property.Check(Strengths.SelectMany(s => s.Invalid.Select(v => (s, v))), (strength, value) =>
        {
            var e = Property.Throws<ArgumentOutOfRangeException>(strength.Argument, () => strength.Call(value));

            Assert.Contains($"Received: {strength.Argument}={Regularizers.Core.Guard.Show(value)}.", e.Message, StringComparison.Ordinal);
        });
    }

    /// <summary>A call that takes one tensor argument, with the argument's name.</summary>
    public sealed record TensorCall(string Name, string Argument, Action<Tensor> Call)
    {
        public override string ToString() => Name;
    }

    private static void Dispose(Tensor result) => result.Dispose();

    private static readonly Gen<TensorCall> TensorCalls = Gen.OneOf(
        Gen.Const(new TensorCall("L1Penalty.Value", "weight", w => new L1Penalty(0.1).Value(w))),
        Gen.Const(new TensorCall("L2Penalty.Value", "weight", w => new L2Penalty(0.1).Value(w))),
        Gen.Const(new TensorCall("ElasticNetPenalty.Gradient", "weight", w => Dispose(new ElasticNetPenalty(0.1, 0.1).Gradient(w)))),
        Gen.Const(new TensorCall("L2Penalty.Gradient", "weight", w => Dispose(new L2Penalty(0.1).Gradient(w)))),
        Gen.Const(new TensorCall("MaxNorm.Project", "weight", w => new MaxNorm(1).Project(w))),
        Gen.Const(new TensorCall("UnitNorm.Project", "weight", w => new UnitNorm().Project(w))),
        Gen.Const(new TensorCall("MinMaxNorm.Project", "weight", w => new MinMaxNorm(0, 1).Project(w))),
        Gen.Const(new TensorCall("NonNeg.Project", "weight", w => new NonNeg().Project(w))),
        Gen.Const(new TensorCall("inverted_dropout", "input", x => Dispose(RegularizerFunctional.inverted_dropout(x, 0.5)))),
        Gen.Const(new TensorCall("classic_dropout", "input", x => Dispose(RegularizerFunctional.classic_dropout(x, 0.5, training: false)))),
        Gen.Const(new TensorCall("gaussian_dropout", "input", x => Dispose(RegularizerFunctional.gaussian_dropout(x, 0.5)))),
        Gen.Const(new TensorCall("gaussian_noise", "input", x => Dispose(RegularizerFunctional.gaussian_noise(x, 0.5)))),
        Gen.Const(new TensorCall("LabelSmoothingCrossEntropy input", "input", x =>
        {
            using var loss = new LabelSmoothingCrossEntropy(0.1);
            using var target = zeros(1, dtype: ScalarType.Int64);
            Dispose(loss.call(x, target));
        })));

    private static readonly Gen<ScalarType> NonFloating = Gen.OneOf(
        Gen.Const(ScalarType.Int64), Gen.Const(ScalarType.Int32), Gen.Const(ScalarType.Byte), Gen.Const(ScalarType.Bool));

    [Fact]
    public void TensorArguments_IntegerOrBooleanDtype_ThrowNamingTheArgumentAndTheDtype()
    {
        Property.Check(Gen.Select(TensorCalls, NonFloating, TensorCase.Floating(minRank: 2)), (call, dtype, shape) =>
        {
            using var x = zeros(shape.Shape, dtype);

            var e = Property.Throws<ArgumentException>(call.Argument, () => call.Call(x));

            Assert.Contains("floating-point", e.Message, StringComparison.Ordinal);
            Assert.Contains(dtype.ToString(), e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TensorArguments_DisposedTensor_ThrowNamingTheArgument()
    {
        Property.Check(Gen.Select(TensorCalls, TensorCase.Floating(minRank: 2)), (call, input) =>
        {
            var x = input.Create();
            x.Dispose();

            var e = Property.Throws<ArgumentException>(call.Argument, () => call.Call(x));

            Assert.Contains("disposed", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TensorArguments_Null_ThrowNamingTheArgument()
    {
        Property.Check(TensorCalls, call => Property.Throws<ArgumentNullException>(call.Argument, () => call.Call(null!)), iterations: 50);
    }

    [Fact]
    public void LabelSmoothingCrossEntropy_InputWithoutAClassDimension_ThrowsNamingInput()
    {
        Property.Check(Gen.Select(Gen.Long[0, 6], TensorCase.Dtypes), (size, dtype) =>
        {
            using var loss = new LabelSmoothingCrossEntropy(0.1);
            using var input = size == 0 ? zeros(Array.Empty<long>(), dtype) : zeros(new[] { size }, dtype);
            using var target = zeros(1, dtype: ScalarType.Int64);

            var e = Property.Throws<ArgumentException>("input", () => loss.call(input, target));

            Assert.Contains("[N, K", e.Message, StringComparison.Ordinal);
        }, iterations: 50);
    }

    [Fact]
    public void LabelSmoothingCrossEntropy_TargetShapeNotTheBatch_ThrowsNamingTarget()
    {
        var shapes = from n in Gen.Long[1, 6] from k in Gen.Long[2, 6] from m in Gen.Long[1, 6] from probabilities in Gen.Bool
                     where probabilities ? m != k : m != n
                     select (n, k, m, probabilities);
        Property.Check(shapes, c =>
        {
            var (n, k, m, probabilities) = c;
            using var loss = new LabelSmoothingCrossEntropy(0.1);
            using var input = zeros(n, k);
            using var target = probabilities ? full(new[] { n, m }, 1.0 / m) : zeros(m, dtype: ScalarType.Int64);

            var e = Property.Throws<ArgumentException>("target", () => loss.call(input, target));

            Assert.Contains($"[{n}, {k}]", e.Message, StringComparison.Ordinal);
        });
    }
}
