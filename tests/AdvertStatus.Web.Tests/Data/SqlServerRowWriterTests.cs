using System.Data;
using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AdvertStatus.Web.Tests.Data;

/// <summary>
/// What can be checked of the SQL Server row writer without a server: every column it bulk-copies against the EF
/// model's table (type, and length taken from the model, -1 for <c>nvarchar(max)</c>, never 0, never from a row), values
/// of any length in any row kept whole, and every query it sends parsed as T-SQL. The parity suite runs it for real
/// wherever Docker answers.
/// </summary>
public class SqlServerRowWriterTests
{
    public static TheoryData<Type> BulkCopied => [typeof(StatusMessage), typeof(SecurityEvent), typeof(InventoryReport), typeof(FindingEvidence)];

    [Theory]
    [MemberData(nameof(BulkCopied))]
    public void Every_bulk_copied_column_is_typed_and_sized_from_the_model_not_from_a_row(Type entity)
    {
        using var db = SqlServerContext();
        var table = (DataTable)typeof(SqlServerRowWriter).GetMethod(nameof(SqlServerRowWriter.TableOf))!.MakeGenericMethod(entity)
            .Invoke(null, [db.Model, Array.CreateInstance(entity, 0)])!;
        var model = db.Model.FindEntityType(entity)!;
        var store = StoreObjectIdentifier.Table(model.GetTableName()!, model.GetSchema());
        var columns = model.GetProperties().Where(p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd || !p.IsPrimaryKey())
            .ToDictionary(p => p.GetColumnName(store)!, p => (Type: p.GetColumnType(), Clr: p.GetRelationalTypeMapping().Converter?.ProviderClrType ?? p.GetRelationalTypeMapping().ClrType));
        foreach (var json in model.GetNavigations().Where(n => n.TargetEntityType.IsMappedToJson()))
        {
            columns[json.TargetEntityType.GetContainerColumnName()!] = ("nvarchar(max)", typeof(string));
        }

        Assert.Equal(columns.Keys.Order(StringComparer.Ordinal), table.Columns.Cast<DataColumn>().Select(c => c.ColumnName).Order(StringComparer.Ordinal));
        foreach (DataColumn column in table.Columns)
        {
            var (type, clr) = columns[column.ColumnName];
            Assert.Equal(Nullable.GetUnderlyingType(clr) ?? clr, column.DataType);
            if (column.DataType == typeof(string))
            {
                var expected = type!.EndsWith("(max)", StringComparison.OrdinalIgnoreCase) ? -1 : int.Parse(type[(type.IndexOf('(', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(expected == column.MaxLength, $"{entity.Name}.{column.ColumnName} ({type}) has length {column.MaxLength}");
                Assert.NotEqual(0, column.MaxLength);
            }
        }
    }

    [Fact]
    public void A_long_value_after_a_short_first_row_is_copied_whole()
    {
        using var db = SqlServerContext();
        var longText = new string('x', 16_000);
        var longStrings = Enumerable.Range(0, 10).Select(i => new string((char)('a' + i), 4_000)).ToList();
        StatusMessage Row(string recordId, string text, IList<string> strings) => new()
        {
            RecordId = recordId, MachineName = "WKS01", SiteCode = "LAB", Time = DateTime.UtcNow, ReceivedAt = DateTime.UtcNow, MessageId = 10003,
            Text = text, InsertionStrings = strings,
        };

        var table = SqlServerRowWriter.TableOf(db.Model, [Row("1", "short", ["a"]), Row("2", longText, longStrings)]);

        Assert.Equal(longText, table.Rows[1]["Text"]);
        Assert.Equal(longStrings, System.Text.Json.JsonSerializer.Deserialize<List<string>>((string)table.Rows[1]["InsertionStrings"]));
        Assert.Equal(DBNull.Value, table.Rows[0]["Component"]);
    }

    [Theory]
    [InlineData(typeof(StatusMessage), true)]
    [InlineData(typeof(SecurityEvent), true)]
    [InlineData(typeof(InventoryReport), true)]
    [InlineData(typeof(Machine), false)]
    [InlineData(typeof(AdvertisementMachineStatus), false)]
    public void The_stored_key_look_up_is_plain_T_SQL_without_table_hints(Type entity, bool byUniqueIndex)
    {
        using var db = SqlServerContext();
        var model = db.Model.FindEntityType(entity)!;
        var key = byUniqueIndex ? model.GetIndexes().Single(i => i.IsUnique).Properties : model.FindPrimaryKey()!.Properties;
        var row = Activator.CreateInstance(entity)!;
        foreach (var property in key)
        {
            property.PropertyInfo!.SetValue(row, property.ClrType == typeof(string) ? "X" : Activator.CreateInstance(property.ClrType));
        }

        var rows = Array.CreateInstance(entity, 1);
        rows.SetValue(row, 0);
        var query = (IQueryable)typeof(SqlServerRowWriter).GetMethod(nameof(SqlServerRowWriter.StoredKeysQuery))!.MakeGenericMethod(entity)
            .Invoke(null, [db, rows, key])!;
        var sql = query.ToQueryString();

        var text = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        Assert.IsType<SelectStatement>(ParseSingle(text));
        Assert.DoesNotContain("WITH (", text, StringComparison.OrdinalIgnoreCase);
        // Each key column is compared with parameters typed and sized from the model, never with values written into the text.
        Assert.All(key, p => Assert.Matches($@"\[{p.GetColumnName()}\] (IN \(|= )@", text));
        Assert.DoesNotContain("'", text, StringComparison.Ordinal);
        Assert.All(key.Where(p => p.ClrType == typeof(string)), p => Assert.Contains($"nvarchar({p.GetMaxLength()})", sql, StringComparison.Ordinal));
    }

    [Fact]
    public void No_source_file_outside_the_migrations_builds_MERGE_table_hints_or_OUTPUT_clauses()
    {
        var src = Path.Combine(Infrastructure.ServerProcess.RepositoryRoot(), "src");
        string[] banned = ["MERGE ", "UPDLOCK", "HOLDLOCK", "OUTPUT INSERTED"];

        var found = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => banned.Any(b => l.Text.Contains(b, StringComparison.OrdinalIgnoreCase)))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(found);
    }

    private static SqlServerAdvertStatusDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerAdvertStatusDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

    private static TSqlStatement ParseSingle(string sql)
    {
        var script = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
        return Assert.Single(Assert.Single(((TSqlScript)script).Batches).Statements);
    }
}
