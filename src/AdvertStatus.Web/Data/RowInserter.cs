using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace AdvertStatus.Web.Data;

/// <summary>
/// Writes rows of one entity type with a single prepared statement, executed once per row in the current
/// transaction, and sets each row's generated id. The statement and every parameter come from the EF
/// model (column names, value converters, JSON columns), so the rows are stored exactly as
/// <c>SaveChanges</c> would store them, for both providers, without change tracking: the ingestion hot
/// path's writes, measured several times cheaper than <c>SaveChanges</c> (docs/performance.md).
/// </summary>
internal static class RowInserter
{
    /// <summary>Inserts <paramref name="rows"/> (none may be tracked) and assigns their generated keys, if the database generates them.</summary>
    public static Task<IReadOnlyList<T>> InsertAsync<T>(AdvertStatusDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return ExecuteAsync(db, typeof(T), Statement(db, typeof(T), "insert", () => InsertSql(db, typeof(T))), rows, cancellationToken);
    }

    /// <summary>
    /// Inserts those of <paramref name="rows"/> whose unique key (the entity's one unique index) is not
    /// stored yet and returns them, with their ids: the idempotency check and the insert in one statement
    /// per row, where a look-up first cost a query per 500 keys.
    /// </summary>
    public static Task<IReadOnlyList<T>> InsertNewAsync<T>(AdvertStatusDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return ExecuteAsync(db, typeof(T), Statement(db, typeof(T), "insert-new", () => InsertNewSql(db, typeof(T))), rows, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> (none may be tracked) by primary key: a new key is inserted whole, an
    /// existing one gets only the <paramref name="updated"/> properties, so columns other writers own
    /// (inventory's verdict, retention's aged tally) are never overwritten with what this caller read.
    /// </summary>
    public static Task<IReadOnlyList<T>> UpsertAsync<T>(AdvertStatusDbContext db, IReadOnlyList<T> rows, IReadOnlyCollection<string> updated, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(updated);
        return ExecuteAsync(db, typeof(T), Statement(db, typeof(T), "upsert:" + string.Join(',', updated), () => UpsertSql(db, typeof(T), updated)), rows, cancellationToken);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type, string), string> Statements = new();

    /// <summary>A statement's text, built once per model, entity and kind (the hot path asks for it every batch).</summary>
    private static string Statement(AdvertStatusDbContext db, Type type, string kind, Func<string> build) =>
        Statements.GetOrAdd((db.Model, type, kind), _ => build());

    /// <summary>Runs <paramref name="sql"/> once per row; returns the rows it wrote (a skipped insert writes none).</summary>
    private static async Task<IReadOnlyList<T>> ExecuteAsync<T>(AdvertStatusDbContext db, Type type, string sql, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        var shape = Shape.Of(db, type);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are written inside the ingestion transaction.");
        return connection is SqliteConnection sqlite
            ? WriteOnSqlite(sqlite, shape, sql, rows)
            : await WriteAsync(connection, transaction, shape, sql, rows, cancellationToken);
    }

    /// <summary>Through ADO.NET: a prepared command, its parameters set per row (SQL Server).</summary>
    private static async Task<IReadOnlyList<T>> WriteAsync<T>(
        DbConnection connection, DbTransaction transaction, Shape shape, string sql, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = shape.Columns.Select((column, i) => column.CreateParameter(command, $"@p{i}", rows[0])).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        var written = new List<T>(rows.Count);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = shape.Columns[i].ValueOf(row) ?? DBNull.Value;
            }

            if (shape.Generated is not { } key)
            {
                if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
                {
                    written.Add(row);
                }
            }
            else if (await command.ExecuteScalarAsync(cancellationToken) is { } id and not DBNull)
            {
                key.PropertyInfo!.SetValue(row, Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
                written.Add(row);
            }
        }

        return written;
    }

    /// <summary>
    /// On SQLite, one statement prepared on the connection's own handle (inside its open transaction),
    /// its values bound by position. Microsoft.Data.Sqlite binds every parameter by name, which SQLite
    /// resolves by a scan of the statement's names for each value of each row: that lookup was half of
    /// the insert's time for 26 columns (docs/performance.md). New ids are SQLite's last inserted rowid
    /// (the key is the rowid alias), so no row needs a <c>RETURNING</c> query either.
    /// </summary>
    private static readonly object Unbound = new();

    private static List<T> WriteOnSqlite<T>(SqliteConnection connection, Shape shape, string sql, IReadOnlyList<T> rows)
        where T : class
    {
        var handle = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }

        using (statement)
        {
            var positions = shape.Columns.Select((_, i) => raw.sqlite3_bind_parameter_index(statement, $"@p{i}")).ToArray();
            // sqlite3_reset keeps a statement's bindings, so a value equal to the previous row's stays bound:
            // a batch repeats most of its columns (site, OS, component, null), and every bind is a native call.
            var bound = new object?[positions.Length];
            Array.Fill(bound, Unbound);
            var written = new List<T>(rows.Count);
            foreach (var row in rows)
            {
                for (var i = 0; i < positions.Length; i++)
                {
                    var value = shape.Columns[i].ValueOf(row);
                    if (!Equals(value, bound[i]))
                    {
                        SqliteValues.Bind(statement, positions[i], value);
                        bound[i] = value;
                    }
                }

                rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }

                if (raw.sqlite3_changes(handle) == 0)
                {
                    continue;   // skipped: the key is stored
                }

                shape.Generated?.PropertyInfo!.SetValue(row, Convert.ChangeType(raw.sqlite3_last_insert_rowid(handle), shape.Generated.ClrType, System.Globalization.CultureInfo.InvariantCulture));
                written.Add(row);
            }

            return written;
        }
    }

    /// <summary>The insert statement for <paramref name="entityType"/> on the context's provider (public for the T-SQL parse test).</summary>
    public static string InsertSql(AdvertStatusDbContext db, Type entityType)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (shape, sql, table, columns, values) = Parts(db, entityType);
        return db.Database.IsSqlServer() && shape.Generated is { } key
            ? $"INSERT INTO {table} ({columns}) OUTPUT INSERTED.{sql.DelimitIdentifier(key.GetColumnName())} VALUES ({values});"
            : $"INSERT INTO {table} ({columns}) VALUES ({values});";
    }

    /// <summary>
    /// The insert that skips a row whose unique key is stored (public for the T-SQL parse test):
    /// <c>ON CONFLICT (key) DO NOTHING</c> on SQLite; on SQL Server an <c>INSERT … SELECT … WHERE NOT EXISTS</c>
    /// under UPDLOCK, HOLDLOCK, so two instances cannot both find the key free.
    /// </summary>
    public static string InsertNewSql(AdvertStatusDbContext db, Type entityType)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (shape, sql, table, columns, values) = Parts(db, entityType);
        if (shape.Unique is not { } unique)
        {
            throw new InvalidOperationException($"{entityType.Name} has no single unique index to skip stored rows by.");
        }

        if (!db.Database.IsSqlServer())
        {
            return $"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT ({string.Join(", ", unique.Select(c => sql.DelimitIdentifier(c)))}) DO NOTHING;";
        }

        var output = shape.Generated is { } key ? $" OUTPUT INSERTED.{sql.DelimitIdentifier(key.GetColumnName())}" : "";
        var match = string.Join(" AND ", unique.Select(c => $"{sql.DelimitIdentifier(c)} = @p{shape.IndexOf(c)}"));
        return $"INSERT INTO {table} ({columns}){output} SELECT {values} WHERE NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {match});";
    }

    /// <summary>
    /// The upsert statement for <paramref name="entityType"/> on the context's provider (public for the T-SQL parse test):
    /// <c>INSERT … ON CONFLICT (key) DO UPDATE</c> on SQLite, <c>MERGE … WITH (HOLDLOCK)</c> on SQL Server.
    /// </summary>
    public static string UpsertSql(AdvertStatusDbContext db, Type entityType, IReadOnlyCollection<string> updated)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(updated);
        var (shape, sql, table, columns, values) = Parts(db, entityType);
        if (shape.Generated is not null)
        {
            throw new InvalidOperationException($"{entityType.Name} has a generated key; an upsert needs the key in the row.");
        }

        var keys = shape.Keys.Select(k => sql.DelimitIdentifier(k)).ToList();
        var sets = shape.Columns.Where(c => c is ScalarColumn scalar && updated.Contains(scalar.Property.Name)).Select(c => sql.DelimitIdentifier(c.Name)).ToList();
        if (sets.Count != updated.Count)
        {
            throw new InvalidOperationException($"Not every updated property of {entityType.Name} is a column: {string.Join(", ", updated)}.");
        }

        if (!db.Database.IsSqlServer())
        {
            return $"INSERT INTO {table} ({columns}) VALUES ({values}) " +
                $"ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {string.Join(", ", sets.Select(c => $"{c} = excluded.{c}"))};";
        }

        // HOLDLOCK: without it two instances can both miss the row and both insert it.
        var names = shape.Columns.Select(c => sql.DelimitIdentifier(c.Name)).ToList();
        return $"MERGE {table} WITH (HOLDLOCK) AS [target] USING (VALUES ({values})) AS [source] ({columns}) " +
            $"ON {string.Join(" AND ", keys.Select(k => $"[target].{k} = [source].{k}"))} " +
            $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", sets.Select(c => $"[target].{c} = [source].{c}"))} " +
            $"WHEN NOT MATCHED THEN INSERT ({columns}) VALUES ({string.Join(", ", names.Select(n => $"[source].{n}"))});";
    }

    /// <summary>What every statement needs: the shape, the provider's quoting, the table, the column list and the parameter list.</summary>
    private static (Shape Shape, ISqlGenerationHelper Sql, string Table, string Columns, string Values) Parts(AdvertStatusDbContext db, Type entityType)
    {
        var shape = Shape.Of(db, entityType);
        var sql = db.GetService<ISqlGenerationHelper>();
        return (shape, sql, sql.DelimitIdentifier(shape.Table, shape.Schema),
            string.Join(", ", shape.Columns.Select(c => sql.DelimitIdentifier(c.Name))),
            string.Join(", ", shape.Columns.Select((_, i) => $"@p{i}")));
    }

    /// <summary>
    /// What to write for one entity type, read once from the model: the columns, the primary key's columns,
    /// the columns of its one unique index (if it has exactly one), and the key the database generates
    /// (null when the row carries its own key).
    /// </summary>
    private sealed record Shape(string Table, string? Schema, IProperty? Generated, IReadOnlyList<string> Keys, IReadOnlyList<string>? Unique, IReadOnlyList<Column> Columns)
    {
        /// <summary>The parameter number of a column.</summary>
        public int IndexOf(string column) => Columns.Select(c => c.Name).ToList().IndexOf(column);

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type), Shape> Cache = new();

        public static Shape Of(AdvertStatusDbContext db, Type type) => Cache.GetOrAdd((db.Model, type), key =>
        {
            var entity = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not in the model.");
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var keys = entity.FindPrimaryKey()!.Properties;
            var generated = keys.Count == 1 && keys[0].ValueGenerated == ValueGenerated.OnAdd ? keys[0] : null;
            if (generated is not null && generated.ClrType != typeof(long) && generated.ClrType != typeof(int))
            {
                throw new InvalidOperationException($"{key.Item2.Name}'s generated key is not an integer: the inserter reads new ids as SQLite rowids.");
            }

            var columns = entity.GetProperties()
                .Where(p => p != generated && p.PropertyInfo is not null)
                .Select(p => (Column)new ScalarColumn(p.GetColumnName(store)!, p))
                .Concat(entity.GetNavigations()
                    .Where(n => n.TargetEntityType.IsMappedToJson())
                    .Select(n => new JsonColumn(n.TargetEntityType.GetContainerColumnName()!, n)))
                .ToList();
            var unique = entity.GetIndexes().Where(i => i.IsUnique).ToList();
            return new Shape(table, entity.GetSchema(), generated, [.. keys.Select(k => k.GetColumnName(store)!)],
                unique.Count == 1 ? [.. unique[0].Properties.Select(p => p.GetColumnName(store)!)] : null, columns);
        });
    }

    private abstract record Column(string Name)
    {
        /// <summary>The parameter, typed for the column (the value is set per row by <see cref="ValueOf"/>).</summary>
        public abstract DbParameter CreateParameter(DbCommand command, string name, object sample);

        /// <summary>The row's value as the provider stores it.</summary>
        public abstract object? ValueOf(object row);
    }

    /// <summary>A mapped property; EF's type mapping gives the parameter type and the value converter (UTC times, enums, primitive collections as JSON).</summary>
    private sealed record ScalarColumn(string Name, IProperty Property) : Column(Name)
    {
        private readonly RelationalTypeMapping _mapping = Property.GetRelationalTypeMapping();

        public override DbParameter CreateParameter(DbCommand command, string name, object sample) =>
            _mapping.CreateParameter(command, name, Property.PropertyInfo!.GetValue(sample), Property.IsNullable);

        public override object? ValueOf(object row)
        {
            var value = Property.PropertyInfo!.GetValue(row);
            if (value is not null && value.GetType().IsEnum && _mapping.Converter is null)
            {
                value = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture);
            }

            return value is null || _mapping.Converter is null ? value : _mapping.Converter.ConvertToProvider(value);
        }
    }

    /// <summary>An owned collection stored as a JSON column, written with the JSON property names EF reads back.</summary>
    private sealed record JsonColumn(string Name, INavigation Navigation) : Column(Name)
    {
        private readonly IReadOnlyList<IProperty> _properties =
            [.. Navigation.TargetEntityType.GetProperties().Where(p => p.PropertyInfo is not null && p.GetJsonPropertyName() is not null)];

        public override DbParameter CreateParameter(DbCommand command, string name, object sample)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = System.Data.DbType.String;
            return parameter;
        }

        public override object? ValueOf(object row) =>
            Navigation.PropertyInfo!.GetValue(row) is System.Collections.IEnumerable items ? Serialize(items) : null;

        private string Serialize(System.Collections.IEnumerable items)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                foreach (var item in items)
                {
                    json.WriteStartObject();
                    foreach (var property in _properties)
                    {
                        json.WritePropertyName(property.GetJsonPropertyName()!);
                        JsonSerializer.Serialize(json, property.PropertyInfo!.GetValue(item), property.ClrType);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
