using System.Net;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Hosting;

/// <summary>Response headers, no <c>Server</c> header, and outside Development the reverse-proxy, HSTS and HTTPS settings.</summary>
internal static class HardeningExtensions
{
    /// <summary>
    /// Blazor Server and MudBlazor run under this policy: scripts only from the app, inline styles
    /// (MudBlazor sets style attributes), images and fonts from the app or data: URIs, and the circuit's
    /// WebSocket back to the same origin, which CSP level 3 lets <c>'self'</c> cover.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar): its inline boot script runs by the per-request nonce Scalar puts on it (no
    /// <c>'unsafe-inline'</c> scripts); its styles stay inline (it sets them at run time); it calls only this origin.
    /// </summary>
    public static string ApiReferencePolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default. A proxy on the same host that passes a client's own
            // X-Forwarded-For through, or a client on the host itself, could then pick its address and so its
            // sign-in throttle. Only the proxies an operator names are trusted (and with none named, the
            // middleware does not run at all: empty lists would make it trust everyone).
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still holds loopback, and the middleware still reads it
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in security.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in security.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so every answer, errors and redirects included, carries the headers.</summary>
    public static WebApplication UseHardening(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
            if (security.KnownProxies.Count > 0 || security.KnownNetworks.Count > 0)
            {
                app.UseForwardedHeaders();
            }

            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar")
                    ? ApiReferencePolicy(http.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string)
                    : ContentSecurityPolicy;
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
