using System.Net;
using System.Text;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>
/// Architecture §7 as a table: every route and page, asked by every kind of caller. Anonymous API calls
/// get 401, callers without the scope or role get 403, the rest get through (whatever the route then
/// says about the request itself); anonymous page requests are redirected to sign-in, and keys open no pages.
/// </summary>
public class AccessMatrixTests(AccessApp app) : IClassFixture<AccessApp>
{
    private static readonly Caller[] Callers = Enum.GetValues<Caller>();

    /// <summary>Each route with a request that is harmless once authorized (an empty body, an unknown id).</summary>
    private static readonly (string Method, string Route, string? Body, string Scope)[] ApiRoutes =
    [
        ("POST", "/api/v1/status-messages", "[]", "ingest"),
        ("POST", "/api/v1/security-events", "[]", "ingest"),
        ("POST", "/api/v1/inventory", "[]", "ingest"),
        ("POST", "/api/v1/advertisements", "[]", "ingest"),
        ("POST", "/api/v1/domains", "[]", "ingest"),
        ("GET", "/api/v1/workstations", null, "read"),
        ("GET", "/api/v1/workstations/NOSUCHPC", null, "read"),
        ("GET", "/api/v1/findings", null, "read"),
        ("GET", "/api/v1/findings/999999999", null, "read"),
        ("GET", "/api/v1/advertisements", null, "read"),
        ("GET", "/api/v1/advertisements/NOSUCH01/machines", null, "read"),
        ("GET", "/api/v1/coverage?hotfix=Q307434", null, "read"),
        ("GET", "/api/v1/lockouts", null, "read"),
        ("GET", "/api/v1/hotfixes", null, "read"),
        ("GET", "/api/v1/reports/findings.csv", null, "read"),
        ("GET", "/api/v1/reports/affected-workstations.csv", null, "read"),
        ("POST", "/api/v1/findings/999999999/acknowledge", null, "operate"),
        ("POST", "/api/v1/findings/999999999/resolve", null, "operate"),
        ("GET", "/api/v1/admin/api-keys", null, "admin"),
        ("POST", "/api/v1/admin/api-keys", "{}", "admin"),
        ("DELETE", "/api/v1/admin/api-keys/999999999", null, "admin"),
        ("GET", "/api/v1/admin/users", null, "admin"),
        ("POST", "/api/v1/admin/users", "{}", "admin"),
        ("PATCH", "/api/v1/admin/users/no-such-user", "{}", "admin"),
        ("GET", "/api/v1/admin/audit", null, "admin"),
        ("GET", "/api/v1/admin/settings/rules", null, "admin"),
        ("PUT", "/api/v1/admin/settings/rules", "{}", "admin"),
        ("GET", "/api/v1/sources", null, "read"),
        ("GET", "/api/v1/trends", null, "read"),
        ("GET", "/api/v1/hotfixes/Q307434", null, "read"),
        ("DELETE", "/api/v1/admin/sites/NOS", null, "admin"),
        ("GET", "/api/v1/admin/webhooks", null, "admin"),
        ("POST", "/api/v1/admin/webhooks", "{}", "admin"),
        ("DELETE", "/api/v1/admin/webhooks/999999999", null, "admin"),
        ("POST", "/api/v1/admin/webhooks/999999999/test", null, "admin"),
        ("GET", "/api/v1/admin/report-schedules", null, "admin"),
        ("POST", "/api/v1/admin/report-schedules", "{}", "admin"),
        ("DELETE", "/api/v1/admin/report-schedules/999999999", null, "admin"),
        ("POST", "/api/v1/admin/report-schedules/999999999/send", null, "admin"),
    ];

    /// <summary>Routes the table cannot ask in one request, each with the spec that covers its access.</summary>
    private static readonly Dictionary<string, string> CoveredElsewhere = new()
    {
        ["GET /api/v1/findings/stream"] = "an open stream: FindingStreamTests.The_stream_needs_the_read_scope",
        ["GET /api/v1/ingestion/progress"] = "ingest or read: IngestionProgressTests",
        ["GET /api"] = "an anonymous redirect to the API reference",
    };

    private static readonly string[] Pages = ["/", "/workstations", "/workstations/NOSUCHPC", "/findings", "/lockouts", "/advertisements", "/coverage", "/settings"];

    private static readonly Dictionary<Caller, string[]> Grants = new()
    {
        [Caller.Anonymous] = [],
        [Caller.Viewer] = ["read"],
        [Caller.Operator] = ["read", "operate"],
        [Caller.Admin] = ["read", "operate", "admin"],
        [Caller.IngestKey] = ["ingest"],
        [Caller.ReadKey] = ["read"],
        [Caller.OperateKey] = ["operate"],
        [Caller.AdminKey] = ["admin"],
    };

    private static bool IsPerson(Caller caller) => caller is Caller.Viewer or Caller.Operator or Caller.Admin;

    [Fact]
    public async Task Every_API_route_answers_every_caller_as_the_contract_says()
    {
        var table = new StringBuilder("| route | " + string.Join(" | ", Callers) + " |\n");
        var wrong = new List<string>();

        foreach (var (method, route, body, scope) in ApiRoutes)
        {
            var row = new List<string>();
            foreach (var caller in Callers)
            {
                var status = await SendAsync(caller, method, route, body);
                row.Add(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
                var expected = caller == Caller.Anonymous ? "401" : Grants[caller].Contains(scope) ? "allowed" : "403";
                var ok = expected switch
                {
                    "401" => status == HttpStatusCode.Unauthorized,
                    "403" => status == HttpStatusCode.Forbidden,
                    _ => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500,
                };
                if (!ok)
                {
                    wrong.Add($"{method} {route} as {caller}: {(int)status}, expected {expected}");
                }
            }

            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {method} {route} ({scope}) | {string.Join(" | ", row)} |\n");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(table.ToString());
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_table_names_every_API_route_the_app_maps()
    {
        var mapped = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>(app.Services).Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Pattern: "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Distinct()
            .ToList();

        var missing = mapped
            .Where(route => !CoveredElsewhere.ContainsKey($"{route.Method} {route.Pattern}"))
            .Where(route => !ApiRoutes.Any(r => r.Method == route.Method && Matches(route.Pattern, r.Route.Split('?')[0])))
            .Select(route => $"{route.Method} {route.Pattern}")
            .ToList();

        Assert.True(mapped.Count > 30, $"only {mapped.Count} routes found");
        Assert.True(missing.Count == 0, "Routes without a row in the access table: " + string.Join(", ", missing));
    }

    /// <summary>"/api/v1/workstations/{machineName}" matches "/api/v1/workstations/NOSUCHPC".</summary>
    private static bool Matches(string pattern, string route) =>
        System.Text.RegularExpressions.Regex.IsMatch(route.TrimEnd('/'),
            "^" + System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(pattern.TrimEnd('/')), @"\\\{[^}]*}", "[^/]+") + "$");

    [Fact]
    public async Task Every_page_opens_for_each_role_and_sends_everyone_else_to_sign_in()
    {
        var wrong = new List<string>();
        foreach (var page in Pages)
        {
            foreach (var caller in Callers)
            {
                using var response = await app.ClientOf(caller).GetAsync(page, TestContext.Current.CancellationToken);
                if (IsPerson(caller))
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        wrong.Add($"{page} as {caller}: {(int)response.StatusCode}, expected 200");
                    }
                }
                else if (response.StatusCode != HttpStatusCode.Redirect
                         || response.Headers.Location?.ToString().EndsWith("/account/login?ReturnUrl=" + Uri.EscapeDataString(page), StringComparison.Ordinal) != true)
                {
                    wrong.Add($"{page} as {caller}: {(int)response.StatusCode} to {response.Headers.Location}, expected 302 to the sign-in page");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_sign_in_page_and_health_answer_anonymously()
    {
        var anonymous = app.ClientOf(Caller.Anonymous);

        foreach (var route in new[] { "/account/login", "/health/live", "/health/ready", "/openapi/v1.json" })
        {
            using var response = await anonymous.GetAsync(route, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_dashboard_circuit_refuses_an_anonymous_connection()
    {
        using var response = await app.ClientOf(Caller.Anonymous).PostAsync("/_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect });
    }

    private async Task<HttpStatusCode> SendAsync(Caller caller, string method, string route, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), route);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await app.ClientOf(caller).SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
