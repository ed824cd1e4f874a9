@{
    RootModule        = 'AdvertStatus.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '6f0d3c7e-2b8a-4f55-9a51-307434000001'
    Author            = 'AdvertStatus'
    Description       = 'Agents that feed AdvertStatus from domain controller Security logs and the SMS 2.0 site database, with a spool for when the server is away.'
    PowerShellVersion = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FunctionsToExport = @('Send-AdvertStatusEvent', 'Send-AdvertStatusSiteData', 'Send-AdvertStatusSpool')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
