using Microsoft.ML.Transforms;

namespace Microsoft.ML
{
    /// <summary><c>mlContext.Transforms.Concatenate</c>.</summary>
    public static class TransformExtensionsCatalog
    {
        public static ColumnConcatenatingEstimator Concatenate(this TransformsCatalog catalog, string outputColumnName, params string[] inputColumnNames) =>
            new ColumnConcatenatingEstimator(outputColumnName, inputColumnNames);
    }

    /// <summary><c>mlContext.Transforms.Conversion.MapValueToKey</c> and <c>MapKeyToValue</c>.</summary>
    public static class ConversionsExtensionsCatalog
    {
        public static ValueToKeyMappingEstimator MapValueToKey(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string inputColumnName = null,
            int maximumNumberOfKeys = 1000000, ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence,
            bool addKeyValueAnnotationsAsText = false, IDataView keyData = null)
        {
            if (addKeyValueAnnotationsAsText || keyData != null)
            {
                throw new System.NotSupportedException("addKeyValueAnnotationsAsText and keyData are not part of this ML.NET subset.");
            }
            return new ValueToKeyMappingEstimator(outputColumnName, inputColumnName, maximumNumberOfKeys, keyOrdinality);
        }

        public static KeyToValueMappingEstimator MapKeyToValue(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string inputColumnName = null) =>
            new KeyToValueMappingEstimator(outputColumnName, inputColumnName);
    }
}
