using static TorchSharp.torch.nn.functional;

namespace Regularizers.Torch.Tests.Stack;

/// <summary>The libtorch 2.10 ops the library relies on, forward and through autograd, against PyTorch 1.13 (golden/make_ops_golden.py).</summary>
/// <remarks>
/// Both sides compute in float32, so the tolerance is tight (rtol 1e-5, atol 1e-6): a kernel change between the two
/// libtorch versions larger than a few roundings shows up here.
/// </remarks>
public sealed class OpsGoldenTests
{
    private static readonly Golden Data = Golden.Load("ops_golden.json");

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Data.CaseNames)
        {
            data.Add(name);
        }
        return data;
    }

    private static Tensor GradOf(Func<Tensor, Tensor> f, Tensor x)
    {
        using var leaf = x.detach().requires_grad_(true);
        using var y = f(leaf);
        y.backward();
        return leaf.grad ?? throw new InvalidOperationException("backward left the leaf without a gradient");
    }

    private static Tensor Compute(string name)
    {
        var a = Data.Input("a");
        var b = Data.Input("b");
        var pos = Data.Input("pos");
        var m = Data.Input("m");
        var w = Data.Input("w");
        var logits = Data.Input("logits");
        var img = Data.Input("img");
        var kernel = Data.Input("kernel");
        var bias4 = Data.Input("bias4");
        var target = tensor(new long[] { 0, 3, 1, 1, 2 });
        return name switch
        {
            "abs" => a.abs(),
            "sign" => a.sign(),
            "log" => pos.log(),
            "sum_all" => a.sum(),
            "sum_dim1" => a.sum(1),
            "mean_dim0_keep" => a.mean(new long[] { 0 }, keepdim: true),
            "norm" => a.norm(),
            "norm_dim1" => a.norm(1),
            "renorm_rows_2" => w.renorm(2, 0, 2f),
            "vector_norm_keep" => linalg.vector_norm(img, 2, new long[] { 1, 2, 3 }, keepdim: true),
            "clamp" => a.clamp(-0.5, 0.7),
            "matmul" => a.matmul(m),
            "dot_flat" => dot(a.flatten(), b.flatten()),
            "softmax" => logits.softmax(1),
            "log_softmax" => logits.log_softmax(1),
            "argmax_dim1" => logits.argmax(1).to_type(ScalarType.Float64),
            "index_select" => w.index_select(0, tensor(new long[] { 5, 0, 2 })),
            "cross_entropy" => cross_entropy(logits, target),
            "cross_entropy_ls" => cross_entropy(logits, target, label_smoothing: 0.1),
            "cross_entropy_ls_sum" => cross_entropy(logits, target, reduction: nn.Reduction.Sum, label_smoothing: 0.2),
            "mse" => mse_loss(a, b),
            "conv2d" => conv2d(img, kernel, bias4, padding: new long[] { 1, 1 }),
            "grad_cross_entropy_ls" => GradOf(z => cross_entropy(z, target, label_smoothing: 0.1), logits),
            "grad_abs_sum" => GradOf(z => z.abs().sum(), a),
            "grad_sq_norm" => GradOf(z => 0.5 * z.pow(2).sum(), a),
            "grad_dot_self" => GradOf(z => dot(z.flatten(), z.flatten()), a),
            "grad_sigmoid_mean" => GradOf(z => z.sigmoid().mean(), a),
            "grad_tanh_sum" => GradOf(z => z.tanh().sum(), a),
            "grad_relu_matmul" => GradOf(z => z.relu().matmul(m).sum(), a),
            "grad_linear_weight" => GradOf(z => linear(a, z).pow(2).mean(), w.narrow(0, 0, 4).t().contiguous()),
            "grad_conv2d_kernel" => GradOf(k => conv2d(img, k, padding: new long[] { 1, 1 }).square().mean(), kernel),
            "std_dim0_unbiased" => logits.softmax(1).std(0, unbiased: true),
            "cross_entropy_prob_targets" => cross_entropy(logits, one_hot(target, 4).to_type(ScalarType.Float32) * (1 - 0.1) + 0.1 / 4),
            _ => throw new ArgumentException($"No C# counterpart for golden case '{name}'.", nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Op_SameInputsAsPyTorch_MatchesPyTorch113(string name)
    {
        using var scope = NewDisposeScope();
        var (shape, expected) = Data.Entry("cases", name);
        var actual = Compute(name).to_type(ScalarType.Float64);
        Assert.Equal(shape, actual.shape);
        var values = actual.contiguous().data<double>().ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = 1e-6 + 1e-5 * Math.Abs(expected[i]);
            Assert.True(Math.Abs(values[i] - expected[i]) <= tolerance, $"{name}[{i}]: expected {expected[i]:R}, got {values[i]:R}");
        }
    }
}
