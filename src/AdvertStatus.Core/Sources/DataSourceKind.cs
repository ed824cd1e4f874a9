namespace AdvertStatus.Core.Sources;

/// <summary>Who feeds the service: an SMS site (status messages, inventory, advertisements) or a domain controller (security events).</summary>
public enum DataSourceKind
{
    Site = 1,
    DomainController = 2,
}
