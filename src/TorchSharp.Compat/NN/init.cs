namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>In-place parameter initialisers with PyTorch's formulas.</summary>
            public static class init
            {
                public enum NonlinearityType
                {
                    Linear = 0,
                    Conv1D = 1,
                    Conv2D = 2,
                    Conv3D = 3,
                    ConvTranspose1D = 4,
                    ConvTranspose2D = 5,
                    ConvTranspose3D = 6,
                    Sigmoid = 7,
                    Tanh = 8,
                    ReLU = 9,
                    LeakyReLU = 10,
                }

                public enum FanInOut
                {
                    FanIn = 0,
                    FanOut = 1,
                }

                /// <summary>The recommended gain: 1 for linear/conv/sigmoid, 5/3 for tanh, √2 for ReLU, √(2/(1+a²)) for leaky ReLU with slope a.</summary>
                public static double calculate_gain(NonlinearityType nonlinearity, double param = 0.0) => nonlinearity switch
                {
                    NonlinearityType.Tanh => 5.0 / 3,
                    NonlinearityType.ReLU => Math.Sqrt(2.0),
                    NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + param * param)),
                    _ => 1.0,
                };

                /// <summary>fan_in = size(1)·receptive field, fan_out = size(0)·receptive field.</summary>
                public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor)
                {
                    var shape = tensor.shape;
                    if (shape.Length < 2)
                    {
                        throw new ArgumentException("Fan in and fan out can not be computed for a tensor with fewer than 2 dimensions.", nameof(tensor));
                    }
                    var receptive = shape.Skip(2).Aggregate(1L, (a, b) => a * b);
                    return (shape[1] * receptive, shape[0] * receptive);
                }

                public static Tensor uniform_(Tensor tensor, double low = 0.0, double high = 1.0, Generator generator = null)
                {
                    using (no_grad())
                    {
                        return tensor.uniform_(low, high, generator);
                    }
                }

                public static Tensor normal_(Tensor tensor, double mean = 0.0, double std = 1.0, Generator generator = null)
                {
                    using (no_grad())
                    {
                        return tensor.normal_(mean, std, generator);
                    }
                }

                public static Tensor constant_(Tensor tensor, Scalar val)
                {
                    using (no_grad())
                    {
                        return tensor.fill_(val);
                    }
                }

                public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

                public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

                /// <summary>U(−a, a) with a = gain·√(6/(fan_in + fan_out)).</summary>
                public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0)
                {
                    var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                    var a = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
                    return uniform_(tensor, -a, a);
                }

                /// <summary>N(0, σ²) with σ = gain·√(2/(fan_in + fan_out)).</summary>
                public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0)
                {
                    var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                    return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
                }

                public static Tensor glorot_uniform_(Tensor tensor, double gain = 1.0) => xavier_uniform_(tensor, gain);

                public static Tensor glorot_normal_(Tensor tensor, double gain = 1.0) => xavier_normal_(tensor, gain);

                /// <summary>U(−b, b) with b = √3·gain/√fan, gain = calculate_gain(nonlinearity, a).</summary>
                public static Tensor kaiming_uniform_(Tensor tensor, double a = 0.0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
                {
                    var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                    var fan = mode == FanInOut.FanIn ? fanIn : fanOut;
                    var bound = Math.Sqrt(3.0) * calculate_gain(nonlinearity, a) / Math.Sqrt(fan);
                    return uniform_(tensor, -bound, bound);
                }

                /// <summary>N(0, σ²) with σ = gain/√fan, gain = calculate_gain(nonlinearity, a).</summary>
                public static Tensor kaiming_normal_(Tensor tensor, double a = 0.0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
                {
                    var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                    var fan = mode == FanInOut.FanIn ? fanIn : fanOut;
                    return normal_(tensor, 0, calculate_gain(nonlinearity, a) / Math.Sqrt(fan));
                }
            }
        }
    }
}
