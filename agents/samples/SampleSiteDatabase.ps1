# A stand-in for an SMS 2.0 site database, to try Send-AdvertStatusSiteData where there is none (a laptop, Linux):
#
#   Import-Module ./agents/AdvertStatus
#   . ./agents/samples/SampleSiteDatabase.ps1
#   Send-AdvertStatusSiteData -ServerUrl http://localhost:5000 -ApiKey dev-only-key-change-me `
#       -SiteDatabase 'sample' -QueryRunner $SampleSiteDatabase
#
# It answers the module's queries (agents/AdvertStatus/sql) with the rows a site database holds for the KB Q307434
# story: site SMP, advertisement SMP20001 (Office 2000 - Setup, run with the Software Installation account), three
# clients. SMPWKS01 runs the vulnerable SP4 build and fails with 10003 and Win32 error 1317 (sent by SMS as the
# HRESULT 0x80070525); SMPWKS02 has the post-SP3 fix (2.0.1493.3242) and succeeds; SMPWKS03 has no inventory yet.
# The bookmarks make a second run send nothing new.

$script:SampleSiteTime = [datetime]::UtcNow.Date.AddHours(8)

$SampleSiteDatabase = {
    param($ConnectionString, $Sql, $Parameters)
    $time = $script:SampleSiteTime
    $client = @{ SiteCode = 'SMP'; Component = 'Advertised Programs Manager'; ModuleName = 'SMS Client'; Domain = 'CORP' }
    if ($Sql -match 'FROM ProgramOffers') {
        [pscustomobject]@{ AdvertisementID = 'SMP20001'; SiteCode = 'SMP'; PackageID = 'SMP00077'; PackageName = 'Office 2000'; ProgramName = 'Setup'; CollectionID = 'SMP00010'; UsesSoftwareInstallationAccount = $true }
    }
    elseif ($Sql -match 'FROM SoftwareInventory') {
        [pscustomobject]@{ MachineName = 'SMPWKS01'; SiteCode = 'SMP'; Domain = 'CORP'; ClientOs = 'Windows 2000 Professional'; FileVersion = '2.00.1493.4012'; FilePath = 'C:\WINNT\MS\SMS\CORE\BIN'; Time = $time.AddDays(-1) }
        [pscustomobject]@{ MachineName = 'SMPWKS02'; SiteCode = 'SMP'; Domain = 'CORP'; ClientOs = 'Windows NT Workstation 4.0'; FileVersion = '2.0.1493.3242'; FilePath = 'C:\WINNT\MS\SMS\CORE\BIN'; Time = $time.AddDays(-1) }
    }
    elseif ($Sql -match 'FROM StatusMessages AS sm') {
        $rows = @(
            @{ RecordID = 5001; MachineName = 'SMPWKS01'; Time = $time; MessageID = 10002; Severity = 1073741824; Win32Error = 0; ClientOs = 'Windows 2000 Professional' },
            @{ RecordID = 5002; MachineName = 'SMPWKS01'; Time = $time.AddMinutes(2); MessageID = 10003; Severity = -1073741824; Win32Error = 2147943717; ClientOs = 'Windows 2000 Professional' },
            @{ RecordID = 5003; MachineName = 'SMPWKS02'; Time = $time; MessageID = 10002; Severity = 1073741824; Win32Error = 0; ClientOs = 'Windows NT Workstation 4.0' },
            @{ RecordID = 5004; MachineName = 'SMPWKS02'; Time = $time.AddMinutes(1); MessageID = 10005; Severity = 1073741824; Win32Error = 0; ClientOs = 'Windows NT Workstation 4.0' },
            @{ RecordID = 5005; MachineName = 'SMPWKS02'; Time = $time.AddMinutes(9); MessageID = 10008; Severity = 1073741824; Win32Error = 0; ClientOs = 'Windows NT Workstation 4.0' },
            @{ RecordID = 5006; MachineName = 'SMPWKS03'; Time = $time.AddMinutes(3); MessageID = 10002; Severity = 1073741824; Win32Error = 0; ClientOs = 'Windows 2000 Professional' }
        )
        $rows | Where-Object { $_.RecordID -gt $Parameters.AfterRecordID } | ForEach-Object { [pscustomobject]($_ + $client) }
    }
    elseif ($Sql -match 'FROM StatusMessageInsStrs') {
        @(
            [pscustomobject]@{ RecordID = 5002; InsStrIndex = 0; InsStrValue = 'SMP20001' },
            [pscustomobject]@{ RecordID = 5002; InsStrIndex = 1; InsStrValue = 'SMP' },
            [pscustomobject]@{ RecordID = 5002; InsStrIndex = 2; InsStrValue = '1317' }
        ) | Where-Object { $_.RecordID -ge $Parameters.FirstRecordID -and $_.RecordID -le $Parameters.LastRecordID }
    }
    elseif ($Sql -match 'FROM StatusMessageAttributes') {
        5001..5006 | ForEach-Object { [pscustomobject]@{ RecordID = $_; AttributeID = 401; AttributeValue = 'SMP20001' } } |
            Where-Object { $_.RecordID -ge $Parameters.FirstRecordID -and $_.RecordID -le $Parameters.LastRecordID }
    }
}
