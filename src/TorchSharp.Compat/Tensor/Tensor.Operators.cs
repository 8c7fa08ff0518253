using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
            public static Tensor operator +(Tensor left, Tensor right) => left.add(right);
            public static Tensor operator +(Tensor left, Scalar right) => left.add(right);
            public static Tensor operator +(Scalar left, Tensor right) => right.add(left);
            public static Tensor operator +(Tensor left, int right) => left.add(right);
            public static Tensor operator +(Tensor left, long right) => left.add(right);
            public static Tensor operator +(Tensor left, float right) => left.add(right);
            public static Tensor operator +(Tensor left, double right) => left.add(right);
            public static Tensor operator +(int left, Tensor right) => right.add(left);
            public static Tensor operator +(long left, Tensor right) => right.add(left);
            public static Tensor operator +(float left, Tensor right) => right.add(left);
            public static Tensor operator +(double left, Tensor right) => right.add(left);

            public static Tensor operator -(Tensor left, Tensor right) => left.sub(right);
            public static Tensor operator -(Tensor left, Scalar right) => left.sub(right);
            public static Tensor operator -(Scalar left, Tensor right) => ScalarLeft(Binary.Sub, left, right);
            public static Tensor operator -(Tensor left, int right) => left.sub(right);
            public static Tensor operator -(Tensor left, long right) => left.sub(right);
            public static Tensor operator -(Tensor left, float right) => left.sub(right);
            public static Tensor operator -(Tensor left, double right) => left.sub(right);
            public static Tensor operator -(int left, Tensor right) => ScalarLeft(Binary.Sub, left, right);
            public static Tensor operator -(long left, Tensor right) => ScalarLeft(Binary.Sub, left, right);
            public static Tensor operator -(float left, Tensor right) => ScalarLeft(Binary.Sub, left, right);
            public static Tensor operator -(double left, Tensor right) => ScalarLeft(Binary.Sub, left, right);

            public static Tensor operator *(Tensor left, Tensor right) => left.mul(right);
            public static Tensor operator *(Tensor left, Scalar right) => left.mul(right);
            public static Tensor operator *(Scalar left, Tensor right) => right.mul(left);
            public static Tensor operator *(Tensor left, int right) => left.mul(right);
            public static Tensor operator *(Tensor left, long right) => left.mul(right);
            public static Tensor operator *(Tensor left, float right) => left.mul(right);
            public static Tensor operator *(Tensor left, double right) => left.mul(right);
            public static Tensor operator *(int left, Tensor right) => right.mul(left);
            public static Tensor operator *(long left, Tensor right) => right.mul(left);
            public static Tensor operator *(float left, Tensor right) => right.mul(left);
            public static Tensor operator *(double left, Tensor right) => right.mul(left);

            public static Tensor operator /(Tensor left, Tensor right) => left.div(right);
            public static Tensor operator /(Tensor left, Scalar right) => left.div(right);
            public static Tensor operator /(Scalar left, Tensor right) => ScalarLeft(Binary.Div, left, right);
            public static Tensor operator /(Tensor left, int right) => left.div(right);
            public static Tensor operator /(Tensor left, long right) => left.div(right);
            public static Tensor operator /(Tensor left, float right) => left.div(right);
            public static Tensor operator /(Tensor left, double right) => left.div(right);
            public static Tensor operator /(int left, Tensor right) => ScalarLeft(Binary.Div, left, right);
            public static Tensor operator /(long left, Tensor right) => ScalarLeft(Binary.Div, left, right);
            public static Tensor operator /(float left, Tensor right) => ScalarLeft(Binary.Div, left, right);
            public static Tensor operator /(double left, Tensor right) => ScalarLeft(Binary.Div, left, right);

            public static Tensor operator -(Tensor tensor) => tensor.neg();

            public static explicit operator float(Tensor value) => value.item<float>();
            public static explicit operator double(Tensor value) => value.item<double>();
            public static explicit operator int(Tensor value) => value.item<int>();
            public static explicit operator long(Tensor value) => value.item<long>();
            public static explicit operator bool(Tensor value) => value.item<bool>();

            public static implicit operator Tensor(int value) => torch.tensor(value);
            public static implicit operator Tensor(long value) => torch.tensor(value);
            public static implicit operator Tensor(float value) => torch.tensor(value);
            public static implicit operator Tensor(double value) => torch.tensor(value);
            public static implicit operator Tensor(bool value) => torch.tensor(value);
            public static implicit operator Tensor(Scalar scalar) => torch.full(Array.Empty<long>(), scalar, scalar.Type);
        }
    }
}
