# Multi-stage build of the one deployable. Build context: the repository root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/AdvertStatus.Core/AdvertStatus.Core.csproj src/AdvertStatus.Core/
COPY src/AdvertStatus.Web/AdvertStatus.Web.csproj src/AdvertStatus.Web/
RUN dotnet restore src/AdvertStatus.Web/AdvertStatus.Web.csproj
COPY src/ src/
RUN dotnet publish src/AdvertStatus.Web/AdvertStatus.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The image's non-root user (UID 1654); the SQLite default needs a writable data/ folder.
RUN mkdir -p /app/data /app/logs && chown -R 1654:1654 /app/data /app/logs
USER 1654
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "AdvertStatus.Web.dll"]
