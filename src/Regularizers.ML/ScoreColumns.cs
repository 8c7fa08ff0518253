using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regularizers.ML;

/// <summary>
/// ML.NET's standard output columns for each task, and getters that read them from the combined network outputs:
/// multiclass <c>Score</c> (class probabilities, with the class names as <c>SlotNames</c>) and <c>PredictedLabel</c> (key 1..K, with the label's KeyValues);
/// regression <c>Score</c>; binary <c>Score</c> (log-odds <c>ln(p/(1−p))</c>), <c>Probability</c> and <c>PredictedLabel</c> (p &gt; 0.5).
/// </summary>
internal sealed class ScoreColumns
{
    private readonly PredictionKind _kind;
    private readonly int _classes;

    public ScoreColumns(PredictionKind kind, int classes, DataViewSchema.Annotations? labelAnnotations)
    {
        _kind = kind;
        _classes = classes;
        Columns = kind switch
        {
            PredictionKind.MulticlassClassification =>
            [
                new("Score", new VectorDataViewType(NumberDataViewType.Single, classes), KeyValuesCodec.SlotNames(labelAnnotations, classes)),
                new("PredictedLabel", new KeyDataViewType(typeof(uint), classes), labelAnnotations),
            ],
            PredictionKind.Regression => [new("Score", NumberDataViewType.Single)],
            _ =>
            [
                new("Score", NumberDataViewType.Single),
                new("Probability", NumberDataViewType.Single),
                new("PredictedLabel", BooleanDataViewType.Instance),
            ],
        };
    }

    /// <summary>The columns appended to the input schema.</summary>
    public IReadOnlyList<DataViewSchema.DetachedColumn> Columns { get; }

    /// <summary>One getter per column, reading row <paramref name="row"/>() of the row-major outputs [N·classes].</summary>
    public Delegate[] Getters(Func<long> row, Func<float[]> outputs) => _kind switch
    {
        PredictionKind.MulticlassClassification =>
        [
            (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
            {
                var editor = VBufferEditor.Create(ref value, _classes);
                outputs().AsSpan((int)row() * _classes, _classes).CopyTo(editor.Values);
                value = editor.Commit();
            }),
            (ValueGetter<uint>)((ref uint value) => value = (uint)ArgMax(outputs().AsSpan((int)row() * _classes, _classes)) + 1),
        ],
        PredictionKind.Regression => [(ValueGetter<float>)((ref float value) => value = outputs()[row()])],
        _ =>
        [
            (ValueGetter<float>)((ref float value) => value = LogOdds(Positive(outputs(), row()))),
            (ValueGetter<float>)((ref float value) => value = Positive(outputs(), row())),
            (ValueGetter<bool>)((ref bool value) => value = Positive(outputs(), row()) > 0.5f),
        ],
    };

    private static float Positive(float[] outputs, long row) => outputs[(row * 2) + 1];

    private static float LogOdds(float p) => (float)Math.Log(Math.Max(p, 1e-7) / Math.Max(1 - p, 1e-7));

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }
}
