using CsCheck;

namespace Regularizers.Torch.Tests.Properties;

/// <summary>
/// Runs a property over generated cases, single-threaded (the cases share libtorch and the live-tensor count), and
/// requires that the run left no tensor alive without a garbage collection: every case disposes what it made, and a
/// regularizer disposes its own temporaries instead of leaving them to finalizers (native memory the collector does
/// not see). A failing case is shrunk by CsCheck and reported with its seed, which reproduces it
/// (<c>CsCheck_Seed</c> environment variable).
/// </summary>
internal static class Property
{
    /// <summary>Cases per property in CI; <c>CsCheck_Iter</c> overrides it for a longer local run.</summary>
    public const int Cases = 200;

    /// <summary>Checks <paramref name="assert"/> on <paramref name="iterations"/> cases of <paramref name="gen"/>.</summary>
    public static void Check<T>(Gen<T> gen, Action<T> assert, int iterations = Cases)
    {
        var before = LiveTensorCount.Settled();
        gen.Sample(assert, iter: iterations, threads: 1);
        var after = Tensor.TotalCount;
        Assert.True(before == after, $"The property left {after - before} tensor(s) alive.");
    }

    /// <summary>
    /// Requires that <paramref name="call"/> leaves the live-tensor count as it found it. For cases that build modules,
    /// whose construction TorchSharp's counter does not balance (a Parameter made from a tensor is never counted down,
    /// dotnet/TorchSharp#1397), so the count is taken around the calls alone.
    /// </summary>
    public static void NoTensorLeft(string what, Action call)
    {
        var before = Tensor.TotalCount;
        call();
        var after = Tensor.TotalCount;
        Assert.True(before == after, $"{what} left {after - before} tensor(s) alive.");
    }

    /// <summary>Checks a property of two generated values.</summary>
    public static void Check<T1, T2>(Gen<(T1, T2)> gen, Action<T1, T2> assert, int iterations = Cases) =>
        Check(gen, c => assert(c.Item1, c.Item2), iterations);

    /// <summary>Checks a property of three generated values.</summary>
    public static void Check<T1, T2, T3>(Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, int iterations = Cases) =>
        Check(gen, c => assert(c.Item1, c.Item2, c.Item3), iterations);

    /// <summary>Checks a property of two generated values that builds modules: leaks are counted around each case's calls (<see cref="NoTensorLeft"/>).</summary>
    public static void CheckModules<T1, T2>(Gen<(T1, T2)> gen, Action<T1, T2> assert, int iterations = Cases) =>
        gen.Sample(c => assert(c.Item1, c.Item2), iter: iterations, threads: 1);

    /// <summary>Checks a property of three generated values that builds modules: leaks are counted around each case's calls (<see cref="NoTensorLeft"/>).</summary>
    public static void CheckModules<T1, T2, T3>(Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, int iterations = Cases) =>
        gen.Sample(c => assert(c.Item1, c.Item2, c.Item3), iter: iterations, threads: 1);

    /// <summary>Checks a property of four generated values.</summary>
    public static void Check<T1, T2, T3, T4>(Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> assert, int iterations = Cases) =>
        Check(gen, c => assert(c.Item1, c.Item2, c.Item3, c.Item4), iterations);

    /// <summary>Checks that <paramref name="call"/> throws an <typeparamref name="TException"/> naming <paramref name="argument"/>, and leaks nothing.</summary>
    public static TException Throws<TException>(string argument, Action call)
        where TException : ArgumentException
    {
        var e = Assert.ThrowsAny<TException>(call);
        Assert.Equal(argument, e.ParamName);
        return e;
    }
}
