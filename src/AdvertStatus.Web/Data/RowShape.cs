using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AdvertStatus.Web.Data;

/// <summary>
/// What the row writers store for one entity type, read once from the EF model: its table, columns (with the
/// value converters and JSON columns EF would use), primary key, the one unique index it is idempotent by, and
/// the key the database generates. Both writers take every column fact from here, never from a sample row, so
/// a row is stored exactly as <c>SaveChanges</c> would store it.
/// </summary>
internal sealed class RowShape
{
    private static readonly ConcurrentDictionary<(IModel, Type), RowShape> Cache = new();

    private RowShape(string table, string? schema, IProperty? generated, IReadOnlyList<IProperty> keys, IReadOnlyList<IProperty>? unique, IReadOnlyList<RowColumn> columns)
    {
        Table = table;
        Schema = schema;
        Generated = generated;
        Keys = keys;
        Unique = unique;
        Columns = columns;
    }

    public string Table { get; }

    public string? Schema { get; }

    /// <summary>The key the database generates (an identity or rowid), or null when the row carries its own.</summary>
    public IProperty? Generated { get; }

    /// <summary>The primary key's properties.</summary>
    public IReadOnlyList<IProperty> Keys { get; }

    /// <summary>The properties of the entity's one unique index (its idempotency key), or null if it has none or several.</summary>
    public IReadOnlyList<IProperty>? Unique { get; }

    /// <summary>Every stored column except the generated key, in a fixed order.</summary>
    public IReadOnlyList<RowColumn> Columns { get; }

    public static RowShape Of(IModel model, Type type) => Cache.GetOrAdd((model, type), key =>
    {
        var entity = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var keys = entity.FindPrimaryKey()!.Properties;
        var generated = keys.Count == 1 && keys[0].ValueGenerated == ValueGenerated.OnAdd ? keys[0] : null;
        if (generated is not null && generated.ClrType != typeof(long) && generated.ClrType != typeof(int))
        {
            throw new InvalidOperationException($"{key.Item2.Name}'s generated key is not an integer.");
        }

        var columns = entity.GetProperties()
            .Where(p => p != generated && p.PropertyInfo is not null)
            .Select(p => (RowColumn)new ScalarColumn(p.GetColumnName(store)!, p))
            .Concat(entity.GetNavigations()
                .Where(n => n.TargetEntityType.IsMappedToJson())
                .Select(n => new JsonColumn(n.TargetEntityType.GetContainerColumnName()!, n)))
            .ToList();
        var unique = entity.GetIndexes().Where(i => i.IsUnique).ToList();
        return new RowShape(table, entity.GetSchema(), generated, keys, unique.Count == 1 ? unique[0].Properties : null, columns);
    });

    /// <summary>The column of <paramref name="property"/>.</summary>
    public RowColumn ColumnOf(IProperty property) =>
        Columns.OfType<ScalarColumn>().FirstOrDefault(c => c.Property == property) ?? throw new InvalidOperationException($"{property.Name} is not a stored column.");
}

/// <summary>One stored column and how a row's value becomes what the provider stores.</summary>
internal abstract class RowColumn(string name)
{
    public string Name { get; } = name;

    /// <summary>The CLR type of the stored value (after value conversion).</summary>
    public abstract Type ProviderType { get; }

    /// <summary>
    /// The column's maximum length in characters as the database declares it: null when it has none (<c>nvarchar(max)</c>,
    /// SQLite's TEXT, numbers), whatever length the model validates.
    /// </summary>
    public abstract int? MaxLength { get; }

    public abstract bool IsNullable { get; }

    /// <summary>The row's value as the provider stores it.</summary>
    public abstract object? ValueOf(object row);
}

/// <summary>A mapped property; EF's type mapping gives the value converter (UTC times, enums, primitive collections as JSON).</summary>
internal sealed class ScalarColumn(string name, IProperty property) : RowColumn(name)
{
    private readonly RelationalTypeMapping _mapping = property.GetRelationalTypeMapping();
    private readonly IClrPropertyGetter _getter = property.GetGetter();

    public IProperty Property { get; } = property;

    public override Type ProviderType =>
        Nullable.GetUnderlyingType(_mapping.Converter?.ProviderClrType ?? _mapping.ClrType) ?? _mapping.Converter?.ProviderClrType ?? _mapping.ClrType;

    public override int? MaxLength => Property.GetColumnType() is { } type && type.EndsWith("(max)", StringComparison.OrdinalIgnoreCase) ? null : Property.GetMaxLength();

    public override bool IsNullable => Property.IsNullable;

    /// <summary>An enum stored as its number without a converter: known from the model once, not asked of every value.</summary>
    private readonly Type? _enumUnderlying = (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) is { IsEnum: true } type && property.GetRelationalTypeMapping().Converter is null
        ? Enum.GetUnderlyingType(type)
        : null;

    public override object? ValueOf(object row)
    {
        // EF's compiled getter: reflection's GetValue cost about 2 µs a row across 24 columns.
        var value = _getter.GetClrValueUsingContainingEntity(row);
        if (value is null)
        {
            return null;
        }

        if (_enumUnderlying is not null)
        {
            return Convert.ChangeType(value, _enumUnderlying, CultureInfo.InvariantCulture);
        }

        // An empty collection is what most rows carry: its JSON needs no serializer.
        return _mapping.Converter is null ? value
            : value is System.Collections.ICollection { Count: 0 } ? EmptyJson
            : _mapping.Converter.ConvertToProvider(value);
    }

    private const string EmptyJson = "[]";
}

/// <summary>An owned collection stored as a JSON column, written with the JSON property names EF reads back.</summary>
internal sealed class JsonColumn(string name, INavigation navigation) : RowColumn(name)
{
    private readonly IReadOnlyList<IProperty> _properties =
        [.. navigation.TargetEntityType.GetProperties().Where(p => p.PropertyInfo is not null && p.GetJsonPropertyName() is not null)];

    public override Type ProviderType => typeof(string);

    public override int? MaxLength => null;

    public override bool IsNullable => true;

    private readonly IClrPropertyGetter _getter = navigation.GetGetter();

    public override object? ValueOf(object row) => _getter.GetClrValueUsingContainingEntity(row) switch
    {
        System.Collections.ICollection { Count: 0 } => "[]",
        System.Collections.IEnumerable items => Serialize(items),
        _ => null,
    };

    private string Serialize(System.Collections.IEnumerable items)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
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

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
