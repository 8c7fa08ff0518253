using static Regularizers.Torch.Augmentation.AugmentationModules;
using static Regularizers.Torch.Tests.TestModels;

namespace Regularizers.Torch.Tests.Augmentation;

/// <summary>
/// The measurement behind the augmentation docs: TorchVision 0.107's random transforms draw once per call, so a batch
/// of identical images comes out identical, where this library's modules draw per image.
/// </summary>
public sealed class TorchVisionBatchDrawTests
{
    private const int Batch = 16;

    [Fact]
    public void TorchVisionRandomTransforms_BatchOfIdenticalImages_GetOneDrawForTheWholeBatch()
    {
        using var scope = NewDisposeScope();
        manual_seed(80);
        // Three channels: AutoAugment 0.107 fails inside (select(): index 1 out of range) on single-channel images.
        var image = randint(0, 256, new long[] { 1, 3, 16, 16 }).to_type(ScalarType.Byte);
        var batch = image.expand(Batch, 3, 16, 16).contiguous();
        var transforms = new[]
        {
            torchvision.transforms.RandomRotation(30),
            torchvision.transforms.RandAugment(generator: new Generator(1)),
            torchvision.transforms.TrivialAugmentWide(generator: new Generator(2)),
            torchvision.transforms.AutoAugment(generator: new Generator(3)),
        };

        foreach (var transform in transforms)
        {
            // Five calls, so a transform that happened to draw the identity once still shows its draws.
            var changed = 0;
            for (var call = 0; call < 5; call++)
            {
                var y = transform.call(batch);
                Assert.Equal(batch.shape, y.shape);
                Assert.All(Enumerable.Range(1, Batch - 1), n => Assert.Equal(Values(y[0]), Values(y[n])));
                changed += Values(y[0]).SequenceEqual(Values(image[0])) ? 0 : 1;
            }
            Assert.True(changed > 0, $"{transform.GetType().Name} left the image unchanged in all five calls");
        }
    }

    [Fact]
    public void RandomAffine_SameBatchOfIdenticalImages_GetsSixteenDraws()
    {
        using var scope = NewDisposeScope();
        manual_seed(81);
        var batch = rand(1, 1, 16, 16).expand(Batch, 1, 16, 16).contiguous();
        var y = RandomAffine(degrees: 30).call(batch);

        Assert.Equal(Batch, Enumerable.Range(0, Batch).Select(n => string.Join(",", Values(y[n]))).Distinct().Count());
    }
}
