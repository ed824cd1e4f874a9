using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Notifications;

/// <summary>The dashboard's base address for links that leave the app (webhooks, e-mails).</summary>
public sealed class PublicLinks(IOptions<NotificationOptions> options, IServer server)
{
    /// <summary><c>Notifications:PublicBaseUrl</c>, else the request's own address, else the server's first binding.</summary>
    public string BaseUrl(HttpRequest? request = null)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        if (request is not null)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return first is null ? "http://localhost" : first.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
