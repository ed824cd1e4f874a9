using CsvHelper;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>Reads CSV text back into fields with CsvHelper, as a consumer of the reports would.</summary>
public static class Csv
{
    public static string[][] Parse(string text)
    {
        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i))]);
        }

        return [.. rows];
    }
}
