using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Regularizers.ML;

/// <summary>
/// Creates <see cref="SchemaShape.Column"/> values. ML.NET keeps the struct's constructor internal, so estimators
/// outside ML.NET cannot describe new columns; this sets its public read-only fields (Name, Kind, ItemType, IsKey,
/// Annotations) on a boxed default value by reflection, which works the same against the real package.
/// </summary>
internal static class ShapeColumns
{
    public static SchemaShape.Column Create(string name, SchemaShape.Column.VectorKind kind, DataViewType itemType, bool isKey, SchemaShape? annotations = null)
    {
        object boxed = RuntimeHelpers.GetUninitializedObject(typeof(SchemaShape.Column));
        Set(boxed, nameof(SchemaShape.Column.Name), name);
        Set(boxed, nameof(SchemaShape.Column.Kind), kind);
        Set(boxed, nameof(SchemaShape.Column.ItemType), itemType);
        Set(boxed, nameof(SchemaShape.Column.IsKey), isKey);
        Set(boxed, nameof(SchemaShape.Column.Annotations), annotations ?? new SchemaShape([]));
        return (SchemaShape.Column)boxed;
    }

    private static void Set(object boxed, string field, object value) =>
        typeof(SchemaShape.Column).GetField(field, BindingFlags.Public | BindingFlags.Instance)!.SetValue(boxed, value);
}
