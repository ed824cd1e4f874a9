# The agents against a real AdvertStatus server (ADVERTSTATUS_TEST_URL, key with ingest and read in ADVERTSTATUS_TEST_KEY).

BeforeAll {
    Import-Module (Join-Path (Join-Path $PSScriptRoot '..') 'AdvertStatus/AdvertStatus.psd1') -Force
    $script:Url = $env:ADVERTSTATUS_TEST_URL
    $script:Key = $env:ADVERTSTATUS_TEST_KEY
    if (-not $script:Url -or -not $script:Key) { throw 'Set ADVERTSTATUS_TEST_URL and ADVERTSTATUS_TEST_KEY to a running server and a key with ingest and read.' }

    function Get-Api([string] $Route) {
        Invoke-RestMethod -Uri ($script:Url + $Route) -Headers @{ 'X-Api-Key' = $script:Key }
    }

    # An event as wevtutil qe Security /f:xml prints it; $Data is named (4740) or positional (644) event data.
    function New-EventXml([int] $Id, [long] $Record, [string] $Time, [string] $Computer, [string[]] $Data, [switch] $Named) {
        $fields = if ($Named) {
            $names = @('TargetUserName', 'TargetDomainName', 'TargetSid', 'SubjectUserName', 'SubjectDomainName')
            (0..($Data.Count - 1) | ForEach-Object { "<Data Name='$($names[$_])'>$([Security.SecurityElement]::Escape($Data[$_]))</Data>" }) -join ''
        } else {
            ($Data | ForEach-Object { "<Data>$([Security.SecurityElement]::Escape($_))</Data>" }) -join ''
        }
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>$Id</EventID><TimeCreated SystemTime='$Time'/><EventRecordID>$Record</EventRecordID><Channel>Security</Channel><Computer>$Computer</Computer></System><EventData>$fields</EventData></Event>"
    }

    # The server answers 202 before its projector has made machines and findings of a batch: wait for it.
    function Wait-Projected {
        $deadline = (Get-Date).AddSeconds(15)
        while ((Get-Api '/api/v1/ingestion/progress').pendingBatches -gt 0 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
    }

    function New-Export([string] $Path, [string[]] $Events) { Set-Content -LiteralPath $Path -Value ($Events -join "`r`n") -Encoding UTF8 }

    # Unique per run, so the suite also passes against a server that has seen it before.
    $script:Run = Get-Random -Minimum 10000 -Maximum 99999
    $script:Now = [datetime]::UtcNow.AddHours(-1).ToString('yyyy-MM-ddTHH:mm:ss.fffffff00Z')
    $script:Lockout4740 = { param($Record, $Caller) New-EventXml 4740 ($script:Run * 1000 + $Record) $script:Now 'DC01.corp.local' @('SMSCliToknAcct&', $Caller, 'S-1-5-21-1-2-3-1004', 'DC01$', 'CORP') -Named }
    $script:Lockout644 = { param($Record, $Caller) New-EventXml 644 ($script:Run * 1000 + $Record) $script:Now 'DC02.corp.local' @('SMSCliToknAcct&', $Caller, 'S-1-5-21-1-2-3-1004', 'DC02$', 'CORP', '(0x0,0x3E7)') }
    $script:Logon4624 = { param($Record) New-EventXml 4624 ($script:Run * 1000 + $Record) $script:Now 'DC01.corp.local' @('someone', 'CORP') -Named }
}

Describe 'Send-AdvertStatusEvent' {
    It 'sends only the kept event IDs of a wevtutil export, and the server stores them' {
        $state = Join-Path $TestDrive 'kept'
        $export = Join-Path $TestDrive 'kept.xml'
        New-Export $export @((& $script:Lockout4740 101 'PSWKS01'), (& $script:Logon4624 102), (& $script:Lockout644 201 'PSWKS02'))

        $first = Send-AdvertStatusEvent -ServerUrl $script:Url -ApiKey $script:Key -Path $export -StateDirectory $state
        $again = Send-AdvertStatusEvent -ServerUrl $script:Url -ApiKey $script:Key -Path $export -StateDirectory (Join-Path $TestDrive 'kept-fresh')

        $first.Sent | Should -Be 2
        $first.Rejected | Should -Be 0
        $first.Spooled | Should -Be 0
        $again.Duplicates | Should -Be 2   # a fresh bookmark re-sends them: the server already has both
    }

    It 'remembers a bookmark per computer and sends only newer events on the next run' {
        $state = Join-Path $TestDrive 'bookmark'
        $export = Join-Path $TestDrive 'bookmark.xml'
        New-Export $export @((& $script:Lockout4740 301 'PSWKS03'))
        (Send-AdvertStatusEvent -ServerUrl $script:Url -ApiKey $script:Key -Path $export -StateDirectory $state).Sent | Should -Be 1

        $unchanged = Send-AdvertStatusEvent -ServerUrl $script:Url -ApiKey $script:Key -Path $export -StateDirectory $state
        New-Export $export @((& $script:Lockout4740 301 'PSWKS03'), (& $script:Lockout4740 302 'PSWKS04'))
        $grown = Send-AdvertStatusEvent -ServerUrl $script:Url -ApiKey $script:Key -Path $export -StateDirectory $state

        $unchanged.Sent + $unchanged.Duplicates | Should -Be 0
        $grown.Sent | Should -Be 1
        $grown.Duplicates | Should -Be 0
        (Get-Content (Join-Path $state 'event-bookmarks.json') -Raw | ConvertFrom-Json).'DC01.CORP.LOCAL' | Should -Be ($script:Run * 1000 + 302)
    }

    It 'spools while the server is down and delivers the spool later' {
        $state = Join-Path $TestDrive 'spool'
        $export = Join-Path $TestDrive 'spool.xml'
        New-Export $export @((& $script:Lockout4740 401 'PSWKS05'), (& $script:Lockout644 402 'PSWKS06'))

        $down = Send-AdvertStatusEvent -ServerUrl 'http://127.0.0.1:9' -ApiKey $script:Key -Path $export -StateDirectory $state
        $spooled = @(Get-ChildItem (Join-Path $state 'spool') -Filter '*.json')
        $back = Send-AdvertStatusSpool -ServerUrl $script:Url -ApiKey $script:Key -StateDirectory $state

        $down.Spooled | Should -Be 2
        $down.Sent | Should -Be 0
        $spooled.Count | Should -Be 1
        $back.Sent | Should -Be 2
        @(Get-ChildItem (Join-Path $state 'spool') -Filter '*.json').Count | Should -Be 0
    }

    It 'stores the good events of a refused batch and puts only the bad one in rejected/ with the answer' {
        $state = Join-Path $TestDrive 'rejected'
        $export = Join-Path $TestDrive 'rejected.xml'
        $future = New-EventXml 4740 ($script:Run * 1000 + 502) '2099-01-01T00:00:00.000Z' 'DC01.corp.local' @('SMSCliToknAcct&', 'PSWKS08', 'S-1-5-21-1-2-3-1004', 'DC01$', 'CORP') -Named
        New-Export $export @((& $script:Lockout4740 501 'PSWKS07'), $future, (& $script:Lockout4740 503 'PSWKS09'))

        $result = Send-AdvertStatusEvent -ServerUrl $script:Url -ApiKey $script:Key -Path $export -StateDirectory $state

        $result.Sent | Should -Be 2
        $result.Rejected | Should -Be 1
        $files = @(Get-ChildItem (Join-Path $state 'rejected') | Sort-Object Name)
        $files.Count | Should -Be 2
        $batch = Get-Content ($files | Where-Object { $_.Name -notlike '*.problem.json' }).FullName -Raw | ConvertFrom-Json
        @($batch.items).Count | Should -Be 1
        $batch.items[0].eventRecordId | Should -Be ($script:Run * 1000 + 502)
        Get-Content ($files | Where-Object { $_.Name -like '*.problem.json' }).FullName -Raw | Should -Match 'timeCreated'
    }
}

Describe 'Send-AdvertStatusSiteData' {
    BeforeAll {
        $script:Site = 'Server=SMSSQL;Database=SMS_LAB;Integrated Security=SSPI'
        $script:SiteTime = [datetime]::UtcNow.AddHours(-2)
        $script:Pc = "PSSMS$($script:Run)"
        $script:Advert = "LAB$($script:Run)"
        $script:Record = [long] $script:Run * 10
        # The SMS 2.0 site database's rows, as the module's .sql files return them.
        $script:Runner = {
            param($ConnectionString, $Sql, $Parameters)
            $time = $script:SiteTime
            if ($Sql -match 'FROM ProgramOffers') {
                [pscustomobject]@{ AdvertisementID = $script:Advert; SiteCode = 'LAB'; PackageID = 'LAB00077'; PackageName = 'Office 2000'; ProgramName = 'Setup'; CollectionID = 'LAB00010'; UsesSoftwareInstallationAccount = $true }
            }
            elseif ($Sql -match 'FROM SoftwareInventory') {
                [pscustomobject]@{ MachineName = $script:Pc; SiteCode = 'LAB'; Domain = 'CORP'; ClientOs = 'Windows 2000 Professional'; FileVersion = '2.00.1493.4012'; FilePath = 'C:\WINNT\MS\SMS\CORE\BIN'; Time = $time.AddDays(-1) }
            }
            elseif ($Sql -match 'FROM StatusMessages AS sm') {
                @(
                    [pscustomobject]@{ RecordID = $script:Record + 1; MachineName = $script:Pc; SiteCode = 'LAB'; Time = $time; MessageID = 10002; Severity = 1073741824; Win32Error = 0; Component = 'Advertised Programs Manager'; ModuleName = 'SMS Client'; ClientOs = 'Windows 2000 Professional'; Domain = 'CORP' },
                    [pscustomobject]@{ RecordID = $script:Record + 2; MachineName = $script:Pc; SiteCode = 'LAB'; Time = $time.AddMinutes(2); MessageID = 10003; Severity = -1073741824; Win32Error = 2147943717; Component = 'Advertised Programs Manager'; ModuleName = 'SMS Client'; ClientOs = 'Windows 2000 Professional'; Domain = 'CORP' }
                ) | Where-Object { $_.RecordID -gt $Parameters.AfterRecordID }
            }
            elseif ($Sql -match 'FROM StatusMessageInsStrs') {
                @(
                    [pscustomobject]@{ RecordID = $script:Record + 2; InsStrIndex = 1; InsStrValue = 'LAB' },
                    [pscustomobject]@{ RecordID = $script:Record + 2; InsStrIndex = 0; InsStrValue = $script:Advert },
                    [pscustomobject]@{ RecordID = $script:Record + 2; InsStrIndex = 2; InsStrValue = '1317' }
                ) | Where-Object { $_.RecordID -ge $Parameters.FirstRecordID -and $_.RecordID -le $Parameters.LastRecordID }
            }
            elseif ($Sql -match 'FROM StatusMessageAttributes') {
                @(
                    [pscustomobject]@{ RecordID = $script:Record + 1; AttributeID = 401; AttributeValue = $script:Advert },
                    [pscustomobject]@{ RecordID = $script:Record + 2; AttributeID = 401; AttributeValue = $script:Advert }
                ) | Where-Object { $_.RecordID -ge $Parameters.FirstRecordID -and $_.RecordID -le $Parameters.LastRecordID }
            }
        }
    }

    It 'turns a StatusMessages row with its insertion strings and attributes into the API''s JSON' {
        $json = InModuleScope AdvertStatus {
            $row = [pscustomobject]@{ RecordID = 9002; MachineName = 'PSSMS01'; SiteCode = 'LAB'; Time = [datetime]::new(2026, 11, 24, 9, 30, 0, [DateTimeKind]::Utc); MessageID = 10003; Severity = -1073741824; Win32Error = 2147943717; Component = 'Advertised Programs Manager'; ModuleName = [DBNull]::Value; ClientOs = 'Windows 2000 Professional'; Domain = 'CORP' }
            $strings = @([pscustomobject]@{ RecordID = 9002; InsStrIndex = 1; InsStrValue = 'LAB' }, [pscustomobject]@{ RecordID = 9002; InsStrIndex = 0; InsStrValue = 'LAB20001' })
            $attributes = @([pscustomobject]@{ RecordID = 9002; AttributeID = 401; AttributeValue = 'LAB20001' })
            ConvertTo-AdvertStatusStatusMessage $row $strings $attributes | ConvertTo-Json -Depth 5 -Compress
        }

        $json | Should -Be '{"recordId":"9002","machineName":"PSSMS01","siteCode":"LAB","time":"2026-11-24T09:30:00.000Z","messageId":10003,"severity":"-1073741824","win32Error":"2147943717","component":"Advertised Programs Manager","clientOs":"Windows 2000 Professional","domain":"CORP","insertionStrings":["LAB20001","LAB"],"attributes":[{"id":401,"value":"LAB20001"}]}'
    }

    It 'sends advertisements, Smsapm32 versions and status messages, and the server diagnoses them' {
        $state = Join-Path $TestDrive 'site'

        $result = Send-AdvertStatusSiteData -ServerUrl $script:Url -ApiKey $script:Key -SiteDatabase $script:Site -StateDirectory $state -QueryRunner $script:Runner

        $result.Sent | Should -Be 4   # one advertisement, one inventory report, two status messages
        $result.Rejected | Should -Be 0
        Wait-Projected
        (Get-Api "/api/v1/workstations/$($script:Pc)").verdict | Should -Be 'Vulnerable'   # plain SP4 is not the fix
        @((Get-Api "/api/v1/findings?machine=$($script:Pc)&rule=Error1317").items).Count | Should -Be 1
    }

    It 'sends only status messages after the bookmark on the next run' {
        $state = Join-Path $TestDrive 'site-bookmark'
        Send-AdvertStatusSiteData -ServerUrl $script:Url -ApiKey $script:Key -SiteDatabase $script:Site -StateDirectory $state -QueryRunner $script:Runner | Out-Null

        $again = Send-AdvertStatusSiteData -ServerUrl $script:Url -ApiKey $script:Key -SiteDatabase $script:Site -StateDirectory $state -QueryRunner $script:Runner

        $again.Sent | Should -Be 0
        $again.Duplicates | Should -Be 2   # the advertisement and the inventory report; no status message was read again
    }
}

Describe 'The sample site database (agents/samples)' {
    It 'lets Send-AdvertStatusSiteData run without an SMS database, and the server diagnoses its story' {
        . (Join-Path (Join-Path (Join-Path $PSScriptRoot '..') 'samples') 'SampleSiteDatabase.ps1')
        $state = Join-Path $TestDrive 'sample'

        $result = Send-AdvertStatusSiteData -ServerUrl $script:Url -ApiKey $script:Key -SiteDatabase 'sample' -StateDirectory $state -QueryRunner $SampleSiteDatabase

        $result.Rejected | Should -Be 0
        ($result.Sent + $result.Duplicates) | Should -Be 9   # one advertisement, two inventory reports, six status messages
        Wait-Projected
        (Get-Api '/api/v1/workstations/SMPWKS01').verdict | Should -Be 'Vulnerable'
        (Get-Api '/api/v1/workstations/SMPWKS02').verdict | Should -Be 'Fixed'
        @((Get-Api '/api/v1/findings?machine=SMPWKS01&rule=Error1317').items).Count | Should -Be 1
    }
}

Describe 'Windows PowerShell 5.1' {
    It 'finds no syntax newer than Windows PowerShell 5.1 in the module' {
        $path = Join-Path (Join-Path $PSScriptRoot '..') 'AdvertStatus/AdvertStatus.psm1'
        $tokens = $null; $errors = $null
        $ast = [Management.Automation.Language.Parser]::ParseFile($path, [ref] $tokens, [ref] $errors)
        $newer = @($ast.FindAll({ param($node)
            $node -is [Management.Automation.Language.TernaryExpressionAst] -or
            $node -is [Management.Automation.Language.PipelineChainAst] -or
            ($node -is [Management.Automation.Language.BinaryExpressionAst] -and $node.Operator -eq 'QuestionQuestion') -or
            ($node -is [Management.Automation.Language.AssignmentStatementAst] -and $node.Operator -eq 'QuestionQuestionEquals') -or
            ($node -is [Management.Automation.Language.MemberExpressionAst] -and $node.NullConditional) -or
            ($node -is [Management.Automation.Language.CommandParameterAst] -and @('AsHashtable', 'Parallel', 'SkipHttpErrorCheck') -contains $node.ParameterName)
        }, $true))

        $errors.Count | Should -Be 0
        ($newer | ForEach-Object { "line $($_.Extent.StartLineNumber): $($_.Extent.Text)" }) -join "`n" | Should -BeNullOrEmpty
    }

    It 'declares Windows PowerShell 5.1 and both editions in its manifest' {
        $manifest = Test-ModuleManifest (Join-Path (Join-Path $PSScriptRoot '..') 'AdvertStatus/AdvertStatus.psd1')
        $manifest.PowerShellVersion | Should -Be ([version] '5.1')
        $manifest.CompatiblePSEditions | Should -Contain 'Desktop'
        $manifest.ExportedFunctions.Keys | Should -Be @('Send-AdvertStatusEvent', 'Send-AdvertStatusSiteData', 'Send-AdvertStatusSpool')
    }
}
