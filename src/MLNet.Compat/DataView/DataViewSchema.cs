using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Data;

namespace Microsoft.ML
{
    /// <summary>
    /// The ordered columns of a data view. Names need not be unique: a later column hides an earlier one of the same
    /// name, and lookup by name finds the visible (last) one.
    /// </summary>
    public sealed class DataViewSchema : IReadOnlyList<DataViewSchema.Column>
    {
        private readonly Column[] _columns;
        private readonly Dictionary<string, int> _byName;

        private DataViewSchema(IReadOnlyList<DetachedColumn> columns)
        {
            _byName = new Dictionary<string, int>();
            for (var i = 0; i < columns.Count; i++)
            {
                _byName[columns[i].Name] = i;
            }
            _columns = columns
                .Select((c, i) => new Column(c.Name, i, _byName[c.Name] != i, c.Type, c.Annotations ?? Annotations.Empty))
                .ToArray();
        }

        public int Count => _columns.Length;

        public Column this[int columnIndex] => columnIndex >= 0 && columnIndex < _columns.Length
            ? _columns[columnIndex]
            : throw new ArgumentOutOfRangeException(nameof(columnIndex), columnIndex, $"The schema has {_columns.Length} columns.");

        public Column this[string name] => GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(name), name, $"Column '{name}' not found. Columns: {string.Join(", ", _columns.Where(c => !c.IsHidden).Select(c => c.Name))}.");

        public Column? GetColumnOrNull(string name)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }
            return _byName.TryGetValue(name, out var index) ? _columns[index] : null;
        }

        public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{Count} columns";

        /// <summary>One column: its name, position, type and annotations.</summary>
        public readonly struct Column
        {
            internal Column(string name, int index, bool isHidden, DataViewType type, Annotations annotations)
            {
                Name = name;
                Index = index;
                IsHidden = isHidden;
                Type = type;
                Annotations = annotations;
            }

            public string Name { get; }

            public int Index { get; }

            /// <summary>Whether a later column of the same name hides this one.</summary>
            public bool IsHidden { get; }

            public DataViewType Type { get; }

            public Annotations Annotations { get; }

            public override string ToString() => $"{Name} ({Index}): {Type}";
        }

        /// <summary>A column not (yet) attached to a schema.</summary>
        public readonly struct DetachedColumn
        {
            public DetachedColumn(string name, DataViewType type, Annotations annotations = null)
            {
                Name = name ?? throw new ArgumentNullException(nameof(name));
                Type = type ?? throw new ArgumentNullException(nameof(type));
                Annotations = annotations ?? Annotations.Empty;
            }

            public DetachedColumn(Column column)
                : this(column.Name, column.Type, column.Annotations)
            {
            }

            public string Name { get; }

            public DataViewType Type { get; }

            public Annotations Annotations { get; }
        }

        /// <summary>Builds a schema column by column.</summary>
        public sealed class Builder
        {
            private readonly List<DetachedColumn> _columns = new List<DetachedColumn>();

            public void AddColumn(string name, DataViewType type, Annotations annotations = null) =>
                _columns.Add(new DetachedColumn(name, type, annotations));

            public void AddColumns(IEnumerable<Column> source) => _columns.AddRange(source.Select(c => new DetachedColumn(c)));

            public void AddColumns(IEnumerable<DetachedColumn> source) => _columns.AddRange(source);

            public DataViewSchema ToSchema() => new DataViewSchema(_columns.ToArray());
        }

        /// <summary>
        /// Named, typed values attached to a column (e.g. <c>KeyValues</c>, the category names of a key column), read
        /// through getters like row values.
        /// </summary>
        public sealed class Annotations
        {
            private readonly Delegate[] _getters;

            internal Annotations(DataViewSchema schema, Delegate[] getters)
            {
                Schema = schema;
                _getters = getters;
            }

            public static Annotations Empty { get; } = new Annotations(new DataViewSchema(Array.Empty<DetachedColumn>()), Array.Empty<Delegate>());

            /// <summary>One column per annotation kind.</summary>
            public DataViewSchema Schema { get; }

            public ValueGetter<TValue> GetGetter<TValue>(Column column)
            {
                if (column.Index < 0 || column.Index >= _getters.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(column), column.Index, "The column is not an annotation of this column.");
                }
                return _getters[column.Index] as ValueGetter<TValue>
                    ?? throw new InvalidOperationException($"Annotation '{column.Name}' is of type {column.Type} ({column.Type.RawType}), not {typeof(TValue)}.");
            }

            /// <summary>Reads the annotation called <paramref name="kind"/>.</summary>
            /// <exception cref="InvalidOperationException">There is no such annotation, or it has another type.</exception>
            public void GetValue<TValue>(string kind, ref TValue value)
            {
                var column = Schema.GetColumnOrNull(kind)
                    ?? throw new InvalidOperationException($"There is no annotation '{kind}'.");
                GetGetter<TValue>(column)(ref value);
            }

            public override string ToString() => string.Join(", ", Schema.Select(c => c.Name));

            /// <summary>Builds annotations.</summary>
            public sealed class Builder
            {
                private readonly List<DetachedColumn> _columns = new List<DetachedColumn>();
                private readonly List<Delegate> _getters = new List<Delegate>();

                public void Add<TValue>(string name, DataViewType type, ValueGetter<TValue> getter, Annotations annotations = null)
                {
                    if (type.RawType != typeof(TValue))
                    {
                        throw new ArgumentException($"Annotation '{name}' of type {type} must be read as {type.RawType}, not {typeof(TValue)}.", nameof(getter));
                    }
                    _columns.Add(new DetachedColumn(name, type, annotations));
                    _getters.Add(getter ?? throw new ArgumentNullException(nameof(getter)));
                }

                public void Add(string name, DataViewType type, Delegate getter, Annotations annotations = null)
                {
                    var expected = typeof(ValueGetter<>).MakeGenericType(type.RawType);
                    if (getter == null || getter.GetType() != expected)
                    {
                        throw new ArgumentException($"Annotation '{name}' needs a {expected}.", nameof(getter));
                    }
                    _columns.Add(new DetachedColumn(name, type, annotations));
                    _getters.Add(getter);
                }

                public void AddPrimitiveValue<TValue>(string name, PrimitiveDataViewType type, TValue value, Annotations annotations = null) =>
                    Add(name, type, (ref TValue destination) => destination = value, annotations);

                public void Add(Annotations annotations, Func<string, bool> selector)
                {
                    foreach (var column in annotations.Schema.Where(c => !c.IsHidden && selector(c.Name)))
                    {
                        _columns.Add(new DetachedColumn(column));
                        _getters.Add(annotations._getters[column.Index]);
                    }
                }

                public Annotations ToAnnotations() => new Annotations(new DataViewSchema(_columns.ToArray()), _getters.ToArray());
            }
        }
    }
}
