using System.Text.Json;
using AdvertStatus.Web.Tests.Infrastructure;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>
/// No query string makes the API answer 5xx. Every query parameter of every GET route the OpenAPI document lists
/// (and the CSV reports', which read theirs themselves) gets edge values: the calendar's ends, overflowing numbers,
/// malformed cursors, empty, blank, huge and control characters. Each answers below 500, and a 400 names the
/// parameter it refuses.
/// </summary>
public sealed class QueryParameterEdgeTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private static readonly string[] EdgeValues =
    [
        "", " ", "0001-01-01", "0001-01-01T00:00:00Z", "9999-12-31", "9999-12-31T23:59:59.9999999Z", "1899-12-31",
        "-1", "0", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999", "1e309", "NaN",
        "abc", "!!!", "bm90LW91cnM", "W10", "WyIiXQ", "%00", "\u202eLIVE", new string('A', 5000),
    ];

    /// <summary>Values that are wrong for a parameter of this kind, whatever the route: each must be refused naming it.</summary>
    private static readonly Dictionary<string, string[]> Refused = new(StringComparer.Ordinal)
    {
        ["from"] = ["0001-01-01", "9999-12-31", "1899-12-31", "abc"],
        ["to"] = ["0001-01-01", "9999-12-31", "1899-12-31", "abc"],
        ["limit"] = ["-1", "0", "2147483648", "99999999999999999999999", "abc"],
        ["cursor"] = ["!!!", "bm90LW91cnM", "W10", "abc"],
        ["affected"] = ["abc", "-1"],
        ["verdict"] = ["abc", "0"],
        ["state"] = ["abc", "0"],
        ["rule"] = ["abc"],
    };

    /// <summary>Path parameters filled with values of the right shape, so the query string is what is tested.</summary>
    private static readonly Dictionary<string, string> PathValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["machineName"] = "WKS00001", ["id"] = "1", ["advertisementId"] = "LAB20001", ["name"] = "findings",
    };

    /// <summary>The CSV reports read their query themselves, so OpenAPI does not list their parameters.</summary>
    private static readonly string[] ReportRoutes =
    [
        "/api/v1/reports/affected-workstations.csv?{0}", "/api/v1/reports/findings.csv?{0}", "/api/v1/reports/lockouts.csv?{0}",
        "/api/v1/reports/advertisement-status.csv?{0}", "/api/v1/reports/hotfix-coverage.csv?{0}",
    ];

    private static readonly string[] ReportParameters = ["from", "to", "site", "domain", "machine", "rule", "state", "verdict", "affected", "q", "range"];

    [Fact]
    public async Task Every_query_parameter_answers_edge_values_below_500_and_names_itself_when_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateAgent(await app.AddApiKeyAsync("read operate admin"));
        var cases = await RoutesAndParametersAsync(client);
        Assert.True(cases.Count >= 25, $"The OpenAPI document listed only {cases.Count} query parameters: {string.Join(", ", cases)}");

        var failures = new List<string>();
        foreach (var (route, parameter) in cases)
        {
            foreach (var value in EdgeValues)
            {
                var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, $"{parameter}={Uri.EscapeDataString(value)}");
                // The stream route never ends by itself: its headers are enough to see the status.
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
                var status = (int)response.StatusCode;
                var shown = value.Length > 20 ? value[..20] + "…" : value;
                if (status >= 500)
                {
                    failures.Add($"{url[..Math.Min(url.Length, 120)]} → {status}");
                    continue;
                }

                var mustRefuse = !ReportRoutes.Contains(route) && Refused.TryGetValue(parameter, out var refused) && refused.Contains(value);
                if (mustRefuse && status != 400)
                {
                    failures.Add($"{route} {parameter}={shown} → {status}, expected 400");
                }

                if (status == 400 && !(await ErrorKeysAsync(response, ct)).Contains(parameter))
                {
                    failures.Add($"{route} {parameter}={shown} → 400 without naming {parameter}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Each GET route's query parameters, from the served OpenAPI document, plus the reports'.</summary>
    private static async Task<List<(string Route, string Parameter)>> RoutesAndParametersAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var cases = new List<(string, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("parameters", out var parameters))
            {
                continue;
            }

            var route = PathValues.Aggregate(path.Name, (r, p) => r.Replace("{" + p.Key + "}", p.Value, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("{", route, StringComparison.Ordinal);
            cases.AddRange(parameters.EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "query")
                .Select(p => (route + "?{0}", p.GetProperty("name").GetString()!)));
        }

        cases.AddRange(ReportRoutes.SelectMany(r => ReportParameters.Select(p => (r, p))));
        return cases;
    }

    private static async Task<HashSet<string>> ErrorKeysAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return problem.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(e => e.Name).ToHashSet(StringComparer.Ordinal)
            : [];
    }
}
