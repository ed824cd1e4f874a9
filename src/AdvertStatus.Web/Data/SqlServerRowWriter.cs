using System.Collections;
using System.Data;
using System.Linq.Expressions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AdvertStatus.Web.Data;

/// <summary>
/// The SQL Server row writer, built only from code its maintainers test against real SQL Server: appended rows
/// go through <see cref="SqlBulkCopy"/> (the destination table's own column types, so no parameter sizes to get
/// wrong, and values of any length), existence checks are EF Core queries, and upserts are EF Core's
/// <c>SaveChanges</c>. Everything runs in the context's current transaction.
/// </summary>
/// <remarks>
/// No table hints are needed: appends race only for unique keys, which the unique index settles (the loser's
/// <see cref="SqlException"/> 2601/2627 is a <see cref="DatabaseConflict"/> and the request runs again), and every
/// upserted table is written by the one projector that holds the lease (ADR 0011).
/// </remarks>
internal sealed class SqlServerRowWriter(AdvertStatusDbContext db) : IRowWriter
{
    /// <summary>Rows per existence query: two IN-lists of this many values stay well under SQL Server's 2,100 parameters.</summary>
    private const int LookupChunk = 500;

    public async Task<IReadOnlyList<T>> InsertNewAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shape = RowShape.Of(db.Model, typeof(T));
        var unique = shape.Unique ?? throw new InvalidOperationException($"{typeof(T).Name} has no single unique index to skip stored rows by.");
        var stored = await StoredKeysAsync(db, rows, unique, cancellationToken);
        var fresh = rows.Where(r => !stored.Contains(KeyOf(r, unique))).ToList();
        await BulkCopyAsync(fresh, cancellationToken);
        return fresh;
    }

    public Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        return BulkCopyAsync(rows, cancellationToken);
    }

    public async Task UpsertAsync<T>(IReadOnlyList<T> rows, IReadOnlyCollection<string> updated, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(updated);
        if (rows.Count == 0)
        {
            return;
        }

        var shape = RowShape.Of(db.Model, typeof(T));
        var stored = await StoredKeysAsync(db, rows, shape.Keys, cancellationToken);
        // A context of its own on the same connection and transaction: what it tracks and saves is these rows only,
        // never the caller's tracked entities.
        var transaction = CurrentTransaction();
        await using var writer = new SqlServerAdvertStatusDbContext(
            new DbContextOptionsBuilder<SqlServerAdvertStatusDbContext>().UseSqlServer(transaction.Connection).Options);
        await writer.Database.UseTransactionAsync(transaction, cancellationToken);
        foreach (var row in rows)
        {
            if (stored.Contains(KeyOf(row, shape.Keys)))
            {
                var entry = writer.Attach(row);
                foreach (var property in updated)
                {
                    entry.Property(property).IsModified = true;
                }
            }
            else
            {
                writer.Add(row);
            }
        }

        await writer.SaveChangesAsync(cancellationToken);
    }

    private SqlTransaction CurrentTransaction() => db.Database.CurrentTransaction?.GetDbTransaction() as SqlTransaction
        ?? throw new InvalidOperationException("Rows are written inside the caller's SQL Server transaction.");

    /// <summary>
    /// The rows as SqlBulkCopy sends them: one column per stored column of the EF model, typed with the value's
    /// provider type and the model's maximum length (-1 where the column has none), never from a sample row.
    /// </summary>
    public static DataTable TableOf<T>(IModel model, IReadOnlyList<T> rows)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var shape = RowShape.Of(model, typeof(T));
        var table = new DataTable(shape.Table) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in shape.Columns)
        {
            var data = table.Columns.Add(column.Name, column.ProviderType);
            data.AllowDBNull = column.IsNullable;
            if (column.ProviderType == typeof(string))
            {
                data.MaxLength = column.MaxLength ?? -1;
            }
        }

        var values = new object[shape.Columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = shape.Columns[i].ValueOf(row) ?? DBNull.Value;
            }

            table.Rows.Add(values);
        }

        return table;
    }

    /// <summary>
    /// The query that finds which of some key values are stored (public for the offline T-SQL check): one IN-list
    /// per key property, the rows it matches then filtered to the exact keys in memory.
    /// </summary>
    public static IQueryable<object?[]> StoredKeysQuery<T>(AdvertStatusDbContext context, IReadOnlyList<T> rows, IReadOnlyList<IProperty> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(key);
        var entity = Expression.Parameter(typeof(T), "e");
        Expression? filter = null;
        foreach (var property in key)
        {
            var column = Expression.Call(typeof(EF), nameof(EF.Property), [property.ClrType], entity, Expression.Constant(property.Name));
            // Read through a member of a closure-like object, as a captured local is, so EF sends the list as a parameter
            // (one cached query and one server plan) rather than inlining each batch's values as constants.
            var values = Captured(property.ClrType, rows.Select(r => property.PropertyInfo!.GetValue(r)).Distinct());
            var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [property.ClrType], values, column);
            filter = filter is null ? contains : Expression.AndAlso(filter, contains);
        }

        var projection = Expression.NewArrayInit(typeof(object),
            key.Select(p => Expression.Convert(Expression.Call(typeof(EF), nameof(EF.Property), [p.ClrType], entity, Expression.Constant(p.Name)), typeof(object))));
        return context.Set<T>().AsNoTracking()
            .Where(Expression.Lambda<Func<T, bool>>(filter!, entity))
            .Select(Expression.Lambda<Func<T, object?[]>>(projection, entity));
    }

    private static async Task<HashSet<Key>> StoredKeysAsync<T>(AdvertStatusDbContext context, IReadOnlyList<T> rows, IReadOnlyList<IProperty> key, CancellationToken cancellationToken)
        where T : class
    {
        var stored = new HashSet<Key>();
        foreach (var chunk in rows.Chunk(LookupChunk))
        {
            foreach (var values in await StoredKeysQuery(context, chunk, key).ToListAsync(cancellationToken))
            {
                stored.Add(new Key(values));
            }
        }

        return stored;
    }

    private async Task BulkCopyAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = CurrentTransaction();
        var shape = RowShape.Of(db.Model, typeof(T));
        using var table = TableOf(db.Model, rows);
        // CheckConstraints: without it SqlBulkCopy skips foreign keys and leaves them untrusted. KeepNulls: a null
        // is stored as null, as SaveChanges stores it, not replaced by a column default.
        using var bulk = new SqlBulkCopy(transaction.Connection, SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.KeepNulls, transaction)
        {
            DestinationTableName = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(shape.Table, shape.Schema),
            BulkCopyTimeout = db.Database.GetCommandTimeout() ?? 30,
        };
        foreach (var column in shape.Columns)
        {
            bulk.ColumnMappings.Add(column.Name, column.Name);
        }

        await bulk.WriteToServerAsync(table, cancellationToken);
    }

    private static Key KeyOf(object row, IReadOnlyList<IProperty> key) => new([.. key.Select(p => p.PropertyInfo!.GetValue(row))]);

    /// <summary><c>captured.Values</c>: a list of <paramref name="type"/> as an expression a query parameterizes.</summary>
    private static MemberExpression Captured(Type type, IEnumerable<object?> values)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type))!;
        foreach (var value in values)
        {
            list.Add(value);
        }

        var captured = Activator.CreateInstance(typeof(Capture<>).MakeGenericType(list.GetType()), list)!;
        return Expression.Property(Expression.Constant(captured), nameof(Capture<object>.Values));
    }

    /// <summary>Holds a value the way a compiler-generated closure does.</summary>
    private sealed class Capture<T>(T values)
    {
        public T Values { get; } = values;
    }

    /// <summary>A composite key compared by value.</summary>
    private sealed class Key(object?[] values) : IEquatable<Key>
    {
        private readonly object?[] _values = values;

        public bool Equals(Key? other) => other is not null && StructuralComparisons.StructuralEqualityComparer.Equals(_values, other._values);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => StructuralComparisons.StructuralEqualityComparer.GetHashCode(_values);
    }
}
