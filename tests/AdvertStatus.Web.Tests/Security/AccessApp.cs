using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>
/// An app with one client per <see cref="Caller"/>: people signed in through the sign-in page, keys with a
/// single scope. Unthrottled, so that the many anonymous requests of the matrix are answered.
/// </summary>
public sealed class AccessApp : UnthrottledApp, IAsyncLifetime
{
    private readonly Dictionary<Caller, HttpClient> _clients = [];

    public async ValueTask InitializeAsync()
    {
        _clients[Caller.Anonymous] = CreateBrowser();
        foreach (var (caller, role) in new[] { (Caller.Viewer, Roles.Viewer), (Caller.Operator, Roles.Operator) })
        {
            var (email, password) = await AddUserAsync(role);
            _clients[caller] = await SignInAsync(email, password);
        }

        _clients[Caller.Admin] = await SignInAsync();
        foreach (var (caller, scope) in new[] { (Caller.IngestKey, "ingest"), (Caller.ReadKey, "read"), (Caller.OperateKey, "operate"), (Caller.AdminKey, "admin") })
        {
            var client = CreateBrowser();
            client.DefaultRequestHeaders.Add("X-Api-Key", await AddApiKeyAsync(scope));
            _clients[caller] = client;
        }
    }

    public HttpClient ClientOf(Caller caller) => _clients[caller];

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await base.DisposeAsync();
    }
}
