using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Data;

namespace Microsoft.ML
{
    /// <summary>The shape of a schema before any data is seen: per column, scalar or vector, item type, key or not.</summary>
    public sealed class SchemaShape : IReadOnlyList<SchemaShape.Column>
    {
        private readonly Column[] _columns;

        public SchemaShape(IEnumerable<Column> columns) => _columns = columns.ToArray();

        public int Count => _columns.Length;

        public Column this[int index] => _columns[index];

        public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        internal static SchemaShape Create(DataViewSchema schema) =>
            new SchemaShape(schema.Where(c => !c.IsHidden).Select(c => Column.From(c.Name, c.Type, c.Annotations.Schema)));

        internal bool TryFind(string name, out Column column)
        {
            column = _columns.LastOrDefault(c => c.Name == name);
            return column.Name != null;
        }

        /// <summary>One column's shape.</summary>
        public readonly struct Column
        {
            public readonly string Name;

            public readonly VectorKind Kind;

            public readonly DataViewType ItemType;

            public readonly bool IsKey;

            public readonly SchemaShape Annotations;

            internal Column(string name, VectorKind kind, DataViewType itemType, bool isKey, SchemaShape annotations = null)
            {
                Name = name;
                Kind = kind;
                ItemType = itemType;
                IsKey = isKey;
                Annotations = annotations ?? new SchemaShape(Array.Empty<Column>());
            }

            internal static Column From(string name, DataViewType type, DataViewSchema annotations = null)
            {
                var shape = annotations == null || annotations.Count == 0 ? null : Create(annotations);
                return type is VectorDataViewType vector
                    ? new Column(name, vector.IsKnownSize ? VectorKind.Vector : VectorKind.VariableVector, vector.ItemType, vector.ItemType is KeyDataViewType, shape)
                    : new Column(name, VectorKind.Scalar, type, type is KeyDataViewType, shape);
            }

            public enum VectorKind
            {
                Scalar,
                Vector,
                VariableVector,
            }
        }
    }
}
