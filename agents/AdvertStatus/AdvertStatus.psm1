# AdvertStatus agents: feed the service from DC Security logs and the SMS 2.0 site database.
# Written for Windows PowerShell 5.1 and PowerShell 7 alike: no ?? or ?. operators, no ternaries, no
# pipeline chains, no -AsHashtable; HTTP through System.Net.Http.HttpClient, which both have.

Set-StrictMode -Version 3.0
Add-Type -AssemblyName System.Net.Http

# The Security event IDs the service keeps (lockouts, bad passwords, unlocks); others are not sent.
$script:KeptEventIds = @(644, 4740, 529, 675, 681, 4625, 4771, 4776, 671, 4767)

# Named event data the API takes, by the name Windows gives it (4740, 4625, 4771, 4776 ...).
$script:EventFields = @{
    TargetUserName = 'targetUserName'; TargetDomainName = 'targetDomainName'; TargetSid = 'targetSid'
    CallerComputerName = 'callerComputerName'; Workstation = 'workstation'; WorkstationName = 'workstationName'
    IpAddress = 'ipAddress'; Status = 'status'; SubStatus = 'subStatus'; LogonType = 'logonType'
    ProcessName = 'processName'; SubjectUserName = 'subjectUserName'; SubjectDomainName = 'subjectDomainName'
}

$script:BatchSize = 500
$script:Routes = @{
    StatusMessages = '/api/v1/status-messages'; SecurityEvents = '/api/v1/security-events'
    Inventory = '/api/v1/inventory'; Advertisements = '/api/v1/advertisements'
}

function Test-OnWindows {
    # $IsWindows does not exist in Windows PowerShell 5.1, which only runs on Windows.
    if ($PSVersionTable.PSEdition -eq 'Desktop') { return $true }
    return [bool](Get-Variable -Name IsWindows -ValueOnly -ErrorAction SilentlyContinue)
}

function Resolve-StateDirectory([string] $StateDirectory) {
    if (-not $StateDirectory) {
        if (Test-OnWindows) { $StateDirectory = Join-Path $env:ProgramData 'AdvertStatus' }
        else { $StateDirectory = Join-Path (Join-Path (Join-Path $HOME '.local') 'state') 'advertstatus' }
    }

    foreach ($folder in @($StateDirectory, (Join-Path $StateDirectory 'spool'), (Join-Path $StateDirectory 'rejected'))) {
        if (-not (Test-Path -LiteralPath $folder)) { New-Item -ItemType Directory -Path $folder -Force | Out-Null }
    }

    return $StateDirectory
}

function New-Summary {
    return [pscustomobject]@{ Sent = 0; Duplicates = 0; Spooled = 0; Rejected = 0 }
}

function Add-Summary($Total, $Part) {
    $Total.Sent += $Part.Sent; $Total.Duplicates += $Part.Duplicates
    $Total.Spooled += $Part.Spooled; $Total.Rejected += $Part.Rejected
}

function ConvertTo-IsoTime($Time) {
    return ([datetime] $Time).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [Globalization.CultureInfo]::InvariantCulture)
}

function ConvertTo-BatchJson([object[]] $Items) {
    return ConvertTo-Json -InputObject @($Items) -Depth 8 -Compress
}

function Read-JsonFile([string] $Path) {
    return Get-Content -LiteralPath $Path -Raw -Encoding UTF8 | ConvertFrom-Json
}

function Write-JsonFile([string] $Path, $Value) {
    $json = ConvertTo-Json -InputObject $Value -Depth 10
    [IO.File]::WriteAllText($Path, $json, (New-Object Text.UTF8Encoding $false))
}

# --- delivery ---------------------------------------------------------------------------------

function Invoke-Post([string] $ServerUrl, [string] $ApiKey, [string] $Route, [object[]] $Items) {
    # One gzip-encoded JSON batch; returns the status code, body and Retry-After, or a null status when the server is unreachable.
    $bytes = [Text.Encoding]::UTF8.GetBytes((ConvertTo-BatchJson $Items))
    $buffer = New-Object IO.MemoryStream
    $gzip = New-Object IO.Compression.GZipStream($buffer, [IO.Compression.CompressionMode]::Compress)
    $gzip.Write($bytes, 0, $bytes.Length)
    $gzip.Dispose()

    $client = New-Object Net.Http.HttpClient
    $client.Timeout = [TimeSpan]::FromSeconds(100)
    try {
        $content = [Net.Http.ByteArrayContent]::new($buffer.ToArray())
        $content.Headers.ContentType = [Net.Http.Headers.MediaTypeHeaderValue]::new('application/json')
        $content.Headers.ContentEncoding.Add('gzip')
        $uri = [Uri] ($ServerUrl.TrimEnd('/') + $Route)
        $request = [Net.Http.HttpRequestMessage]::new([Net.Http.HttpMethod]::Post, $uri)
        $request.Headers.Add('X-Api-Key', $ApiKey)
        $request.Content = $content
        $response = $client.SendAsync($request).GetAwaiter().GetResult()
        $retryAfter = $null
        if ($response.Headers.RetryAfter -and $response.Headers.RetryAfter.Delta) { $retryAfter = $response.Headers.RetryAfter.Delta }
        return [pscustomobject]@{
            Status = [int] $response.StatusCode
            Body = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
            RetryAfter = $retryAfter
        }
    }
    catch {
        return [pscustomobject]@{ Status = $null; Body = $_.Exception.Message; RetryAfter = $null }
    }
    finally {
        $client.Dispose()
    }
}

function Save-Spool([string] $StateDirectory, [string] $Route, [object[]] $Items) {
    $name = '{0:yyyyMMddTHHmmssfff}-{1}.json' -f [datetime]::UtcNow, [guid]::NewGuid().ToString('N')
    Write-JsonFile (Join-Path (Join-Path $StateDirectory 'spool') $name) ([pscustomobject]@{ route = $Route; items = @($Items) })
}

function Save-Rejected([string] $StateDirectory, [string] $Route, [object[]] $Items, [string] $Answer) {
    $stem = '{0:yyyyMMddTHHmmssfff}-{1}' -f [datetime]::UtcNow, [guid]::NewGuid().ToString('N')
    $folder = Join-Path $StateDirectory 'rejected'
    Write-JsonFile (Join-Path $folder "$stem.json") ([pscustomobject]@{ route = $Route; items = @($Items) })
    [IO.File]::WriteAllText((Join-Path $folder "$stem.problem.json"), $Answer, (New-Object Text.UTF8Encoding $false))
}

function Get-RefusedIndexes([string] $ProblemJson, [int] $Count) {
    # The server names each bad item as "[index].field" (or "[index]") in the ProblemDetails errors.
    $indexes = @{}
    try { $problem = $ProblemJson | ConvertFrom-Json } catch { return @() }
    if (-not ($problem.PSObject.Properties.Name -contains 'errors') -or $null -eq $problem.errors) { return @() }
    foreach ($key in $problem.errors.PSObject.Properties.Name) {
        if ($key -match '^\[(\d+)\]') {
            $index = [int] $Matches[1]
            if ($index -lt $Count) { $indexes[$index] = $true }
        }
    }

    return @($indexes.Keys | Sort-Object)
}

function Send-Batch([string] $ServerUrl, [string] $ApiKey, [string] $Route, [object[]] $Items, [string] $StateDirectory, [switch] $FromSpool) {
    # Delivers one batch: 202 counts it; 429, 503, 5xx or no answer spools it (unless it came from the
    # spool, which keeps it); 400 sends the good items and puts only the bad ones in rejected/.
    $summary = New-Summary
    if ($Items.Count -eq 0) { return $summary }
    $answer = Invoke-Post $ServerUrl $ApiKey $Route $Items
    if ($answer.Status -eq 202) {
        $body = $answer.Body | ConvertFrom-Json
        $summary.Sent = [int] $body.accepted
        $summary.Duplicates = [int] $body.duplicates
        return $summary
    }

    if ($answer.Status -eq 400) {
        $bad = @(Get-RefusedIndexes $answer.Body $Items.Count)
        if ($bad.Count -eq 0) { $bad = 0..($Items.Count - 1) }   # the whole body was refused
        $refused = @(); $good = @()
        for ($i = 0; $i -lt $Items.Count; $i++) {
            if ($bad -contains $i) { $refused += , $Items[$i] } else { $good += , $Items[$i] }
        }

        Save-Rejected $StateDirectory $Route $refused $answer.Body
        $summary.Rejected = $refused.Count
        Add-Summary $summary (Send-Batch $ServerUrl $ApiKey $Route $good $StateDirectory -FromSpool:$FromSpool)
        return $summary
    }

    if ($answer.Status -eq 401 -or $answer.Status -eq 403) {
        throw "AdvertStatus refused the API key for $Route ($($answer.Status)): give it the 'ingest' scope and, if it is site-limited, the sites it sends for. $($answer.Body)"
    }

    # Server away, busy (429/503) or failing (5xx): keep the batch for the next run.
    if (-not $FromSpool) { Save-Spool $StateDirectory $Route $Items }
    $summary.Spooled = $Items.Count
    return $summary
}

function Send-Items([string] $ServerUrl, [string] $ApiKey, [string] $Route, [object[]] $Items, [string] $StateDirectory) {
    $summary = New-Summary
    for ($at = 0; $at -lt $Items.Count; $at += $script:BatchSize) {
        $last = [Math]::Min($at + $script:BatchSize, $Items.Count) - 1
        Add-Summary $summary (Send-Batch $ServerUrl $ApiKey $Route @($Items[$at..$last]) $StateDirectory)
    }

    return $summary
}

function Send-AdvertStatusSpool {
    <#
    .SYNOPSIS
    Delivers the batches spooled while the server was away, oldest first.
    .DESCRIPTION
    Every Send-* cmdlet calls this first. A batch stays in spool/ until the server takes it (202) or
    refuses some of its items (400: those go to rejected/ with the server's answer, the rest is sent).
    Delivery stops at the first batch the server still cannot take, so order is kept.
    .OUTPUTS
    A summary: Sent, Duplicates, Spooled (still waiting), Rejected.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ServerUrl,
        [Parameter(Mandatory)] [string] $ApiKey,
        [string] $StateDirectory
    )

    $state = Resolve-StateDirectory $StateDirectory
    $summary = New-Summary
    $files = @(Get-ChildItem -LiteralPath (Join-Path $state 'spool') -Filter '*.json' | Sort-Object Name)
    for ($f = 0; $f -lt $files.Count; $f++) {
        $batch = Read-JsonFile $files[$f].FullName
        $result = Send-Batch $ServerUrl $ApiKey $batch.route @($batch.items) $state -FromSpool
        if ($result.Spooled -gt 0) {
            # Still unreachable: this batch and the rest wait for the next run.
            for ($rest = $f; $rest -lt $files.Count; $rest++) { $summary.Spooled += @((Read-JsonFile $files[$rest].FullName).items).Count }
            break
        }

        Remove-Item -LiteralPath $files[$f].FullName
        $summary.Sent += $result.Sent; $summary.Duplicates += $result.Duplicates; $summary.Rejected += $result.Rejected
    }

    return $summary
}

# --- DC Security events ------------------------------------------------------------------------

function ConvertFrom-EventXml([string] $Xml) {
    # Events as wevtutil qe Security /f:xml prints them: <Event> elements one after another, no root.
    $document = New-Object Xml.XmlDocument
    $document.LoadXml('<Events>' + ($Xml -replace '<\?xml[^>]*\?>', '') + '</Events>')
    foreach ($event in $document.DocumentElement.ChildNodes) {
        if ($event.LocalName -ne 'Event') { continue }
        $system = $event.Item('System')
        $eventId = [int] $system.Item('EventID').InnerText
        $item = [ordered]@{
            eventId = $eventId
            timeCreated = ConvertTo-IsoTime ([datetime]::Parse($system.Item('TimeCreated').GetAttribute('SystemTime'), [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::AdjustToUniversal))
            computer = $system.Item('Computer').InnerText
            eventRecordId = [long] $system.Item('EventRecordID').InnerText
        }
        $positional = @()
        $data = $event.Item('EventData')
        if ($data) {
            foreach ($field in $data.ChildNodes) {
                if ($field.LocalName -ne 'Data') { continue }
                $name = $field.GetAttribute('Name')
                if ($name -and $script:EventFields.ContainsKey($name)) {
                    if ($name -eq 'LogonType') { $item[$script:EventFields[$name]] = [int] $field.InnerText }
                    else { $item[$script:EventFields[$name]] = $field.InnerText }
                }
                elseif (-not $name) { $positional += , $field.InnerText }
            }
        }

        # Down-level events (644, 529, 675, 681) carry their data by position only.
        if ($positional.Count -gt 0) { $item['insertionStrings'] = $positional }
        [pscustomobject] $item
    }
}

function Send-AdvertStatusEvent {
    <#
    .SYNOPSIS
    Sends the DC Security events AdvertStatus keeps: lockouts, bad passwords and unlocks.
    .DESCRIPTION
    Reads Windows Event XML files as "wevtutil qe Security /f:xml" writes them (-Path), or the live
    Security log of domain controllers (-ComputerName; Windows only, needs Event Log Readers on the
    DCs). Only the kept event IDs are sent. A bookmark per computer (the last EventRecordID sent) makes
    a re-run send only new events; -Since limits the first run. Spooled batches go first.
    .OUTPUTS
    A summary: Sent, Duplicates, Spooled, Rejected.
    .EXAMPLE
    wevtutil qe Security /q:"*[System[(EventID=644 or EventID=4740)]]" /f:xml > C:\Temp\dc01.xml
    Send-AdvertStatusEvent -ServerUrl https://advertstatus.corp.local -ApiKey $key -Path C:\Temp\dc01.xml
    #>
    [CmdletBinding(DefaultParameterSetName = 'Files')]
    param(
        [Parameter(Mandatory)] [string] $ServerUrl,
        [Parameter(Mandatory)] [string] $ApiKey,
        [Parameter(Mandatory, ParameterSetName = 'Files')] [string[]] $Path,
        [Parameter(Mandatory, ParameterSetName = 'Live')] [string[]] $ComputerName,
        [datetime] $Since,
        [string] $StateDirectory
    )

    $state = Resolve-StateDirectory $StateDirectory
    $summary = Send-AdvertStatusSpool -ServerUrl $ServerUrl -ApiKey $ApiKey -StateDirectory $state

    $xml = @()
    if ($PSCmdlet.ParameterSetName -eq 'Files') {
        foreach ($file in $Path) { $xml += , (Get-Content -LiteralPath $file -Raw -Encoding UTF8) }
    }
    else {
        if (-not (Test-OnWindows)) { throw 'Reading live Security logs needs Windows (Get-WinEvent); export them with wevtutil and use -Path.' }
        foreach ($dc in $ComputerName) {
            $filter = @{ LogName = 'Security'; Id = $script:KeptEventIds }
            if ($PSBoundParameters.ContainsKey('Since')) { $filter['StartTime'] = $Since }
            $events = @(Get-WinEvent -ComputerName $dc -FilterHashtable $filter -ErrorAction SilentlyContinue)
            $xml += , (($events | ForEach-Object { $_.ToXml() }) -join "`n")
        }
    }

    $bookmarkFile = Join-Path $state 'event-bookmarks.json'
    $bookmarks = @{}
    if (Test-Path -LiteralPath $bookmarkFile) {
        foreach ($p in (Read-JsonFile $bookmarkFile).PSObject.Properties) { $bookmarks[$p.Name] = [long] $p.Value }
    }

    $kept = @()
    foreach ($text in $xml) {
        if (-not $text -or -not $text.Trim()) { continue }
        foreach ($event in (ConvertFrom-EventXml $text)) {
            if ($script:KeptEventIds -notcontains $event.eventId) { continue }
            $computer = $event.computer.ToUpperInvariant()
            if ($bookmarks.ContainsKey($computer) -and $event.eventRecordId -le $bookmarks[$computer]) { continue }
            if ($PSBoundParameters.ContainsKey('Since') -and [datetime]::Parse($event.timeCreated, [Globalization.CultureInfo]::InvariantCulture).ToUniversalTime() -lt $Since.ToUniversalTime()) { continue }
            $kept += , $event
        }
    }

    $kept = @($kept | Sort-Object computer, eventRecordId)
    Add-Summary $summary (Send-Items $ServerUrl $ApiKey $script:Routes.SecurityEvents $kept $state)

    # Sent, spooled or rejected: each event is accounted for, so the bookmark moves past it.
    foreach ($event in $kept) {
        $computer = $event.computer.ToUpperInvariant()
        if (-not $bookmarks.ContainsKey($computer) -or $event.eventRecordId -gt $bookmarks[$computer]) { $bookmarks[$computer] = $event.eventRecordId }
    }

    Write-JsonFile $bookmarkFile ([pscustomobject] $bookmarks)
    return $summary
}

# --- SMS site database -------------------------------------------------------------------------

function Get-SiteSql([string] $Name) {
    return Get-Content -LiteralPath (Join-Path (Join-Path $PSScriptRoot 'sql') "$Name.sql") -Raw
}

function Invoke-SiteQuery([string] $ConnectionString, [string] $Sql, [hashtable] $Parameters) {
    # System.Data.SqlClient ships with Windows PowerShell 5.1 and with PowerShell 7 on Windows.
    $connection = New-Object Data.SqlClient.SqlConnection($ConnectionString)
    try {
        $connection.Open()
        $command = $connection.CreateCommand()
        $command.CommandText = $Sql
        foreach ($name in $Parameters.Keys) {
            $value = $Parameters[$name]
            if ($null -eq $value) { $value = [DBNull]::Value }
            [void] $command.Parameters.AddWithValue('@' + $name, $value)
        }

        $table = New-Object Data.DataTable
        $table.Load($command.ExecuteReader())
        return , $table.Rows
    }
    finally {
        $connection.Dispose()
    }
}

function Get-Value($Row, [string] $Column) {
    # A DataRow (from SQL) or any object with the column as a property; a missing or NULL column is $null.
    $property = $Row.PSObject.Properties[$Column]
    if ($null -eq $property -or $property.Value -is [DBNull]) { return $null }
    return $property.Value
}

function ConvertTo-AdvertStatusStatusMessage($Message, [object[]] $InsertionStrings, [object[]] $Attributes) {
    # One StatusMessages row with its StatusMessageInsStrs and StatusMessageAttributes rows, as the API takes it.
    $item = [ordered]@{
        recordId = [string] (Get-Value $Message 'RecordID')
        machineName = [string] (Get-Value $Message 'MachineName')
        siteCode = [string] (Get-Value $Message 'SiteCode')
        time = ConvertTo-IsoTime (Get-Value $Message 'Time')
        messageId = [int] (Get-Value $Message 'MessageID')
    }
    foreach ($pair in @(@('Severity', 'severity'), @('Win32Error', 'win32Error'), @('Component', 'component'), @('ModuleName', 'moduleName'), @('ClientOs', 'clientOs'), @('Domain', 'domain'))) {
        $value = Get-Value $Message $pair[0]
        if ($null -ne $value) { $item[$pair[1]] = [string] $value }
    }

    $strings = @($InsertionStrings | Sort-Object { [int] (Get-Value $_ 'InsStrIndex') } | ForEach-Object { [string] (Get-Value $_ 'InsStrValue') })
    if ($strings.Count -gt 0) { $item['insertionStrings'] = $strings }
    $attributeItems = @($Attributes | ForEach-Object { [pscustomobject]@{ id = [int] (Get-Value $_ 'AttributeID'); value = [string] (Get-Value $_ 'AttributeValue') } })
    if ($attributeItems.Count -gt 0) { $item['attributes'] = $attributeItems }
    return [pscustomobject] $item
}

function Send-AdvertStatusSiteData {
    <#
    .SYNOPSIS
    Sends status messages, advertisements and Smsapm32.exe versions from an SMS 2.0 site database.
    .DESCRIPTION
    Reads Advertised Programs Manager status messages (StatusMessages with their insertion strings and
    attributes) newer than the bookmark (the last RecordID sent for this database), the advertisements
    (program offers) and the Smsapm32.exe file versions from software inventory, with the T-SQL in the
    module's sql folder. Needs a login with read access to the site database. Spooled batches go first.
    .OUTPUTS
    A summary: Sent, Duplicates, Spooled, Rejected.
    .EXAMPLE
    Send-AdvertStatusSiteData -ServerUrl https://advertstatus.corp.local -ApiKey $key -SiteDatabase 'Server=SMSSQL;Database=SMS_LAB;Integrated Security=SSPI'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ServerUrl,
        [Parameter(Mandatory)] [string] $ApiKey,
        [Parameter(Mandatory)] [string] $SiteDatabase,
        [datetime] $Since,
        [string] $StateDirectory,
        # How a query reaches the database: (connection string, T-SQL, parameters) -> rows. The default runs the T-SQL
        # against -SiteDatabase with System.Data.SqlClient. Give another to read rows from elsewhere: agents/samples/
        # SampleSiteDatabase.ps1 answers with a demo site, to try the cmdlet without an SMS site; the tests give theirs.
        [scriptblock] $QueryRunner = { param($ConnectionString, $Sql, $Parameters) Invoke-SiteQuery $ConnectionString $Sql $Parameters }
    )

    $state = Resolve-StateDirectory $StateDirectory
    $summary = Send-AdvertStatusSpool -ServerUrl $ServerUrl -ApiKey $ApiKey -StateDirectory $state
    $sinceValue = $null
    if ($PSBoundParameters.ContainsKey('Since')) { $sinceValue = $Since.ToUniversalTime() }

    $adverts = @(& $QueryRunner $SiteDatabase (Get-SiteSql 'Advertisements') @{} | ForEach-Object {
        [pscustomobject]@{
            advertisementId = [string] (Get-Value $_ 'AdvertisementID'); siteCode = [string] (Get-Value $_ 'SiteCode')
            packageId = [string] (Get-Value $_ 'PackageID'); packageName = [string] (Get-Value $_ 'PackageName')
            programName = [string] (Get-Value $_ 'ProgramName'); collectionId = [string] (Get-Value $_ 'CollectionID')
            usesSoftwareInstallationAccount = [bool] (Get-Value $_ 'UsesSoftwareInstallationAccount')
        }
    })
    Add-Summary $summary (Send-Items $ServerUrl $ApiKey $script:Routes.Advertisements $adverts $state)

    $inventory = @(& $QueryRunner $SiteDatabase (Get-SiteSql 'Smsapm32Versions') @{ Since = $sinceValue } | ForEach-Object {
        $version = [string] (Get-Value $_ 'FileVersion')
        [pscustomobject]@{
            machineName = [string] (Get-Value $_ 'MachineName'); siteCode = [string] (Get-Value $_ 'SiteCode')
            domain = [string] (Get-Value $_ 'Domain'); clientOs = [string] (Get-Value $_ 'ClientOs'); role = 'Client'
            time = ConvertTo-IsoTime (Get-Value $_ 'Time')
            files = @([pscustomobject]@{ name = 'Smsapm32.exe'; version = $version; path = [string] (Get-Value $_ 'FilePath') })
        }
    })
    Add-Summary $summary (Send-Items $ServerUrl $ApiKey $script:Routes.Inventory $inventory $state)

    $bookmarkFile = Join-Path $state 'site-bookmarks.json'
    $bookmarks = @{}
    if (Test-Path -LiteralPath $bookmarkFile) {
        foreach ($p in (Read-JsonFile $bookmarkFile).PSObject.Properties) { $bookmarks[$p.Name] = [long] $p.Value }
    }

    $key = $SiteDatabase.ToUpperInvariant()
    $after = 0
    if ($bookmarks.ContainsKey($key)) { $after = $bookmarks[$key] }
    while ($true) {
        $rows = @(& $QueryRunner $SiteDatabase (Get-SiteSql 'StatusMessages') @{ BatchSize = $script:BatchSize; AfterRecordID = $after; Since = $sinceValue })
        if ($rows.Count -eq 0) { break }
        $first = [long] (Get-Value $rows[0] 'RecordID'); $last = [long] (Get-Value $rows[-1] 'RecordID')
        $range = @{ FirstRecordID = $first; LastRecordID = $last }
        $strings = @(& $QueryRunner $SiteDatabase (Get-SiteSql 'StatusMessageInsStrs') $range)
        $attributes = @(& $QueryRunner $SiteDatabase (Get-SiteSql 'StatusMessageAttributes') $range)
        $messages = @($rows | ForEach-Object {
            $id = Get-Value $_ 'RecordID'
            ConvertTo-AdvertStatusStatusMessage $_ @($strings | Where-Object { (Get-Value $_ 'RecordID') -eq $id }) @($attributes | Where-Object { (Get-Value $_ 'RecordID') -eq $id })
        })
        Add-Summary $summary (Send-Items $ServerUrl $ApiKey $script:Routes.StatusMessages $messages $state)
        $after = $last
        $bookmarks[$key] = $after
        Write-JsonFile $bookmarkFile ([pscustomobject] $bookmarks)
        if ($rows.Count -lt $script:BatchSize) { break }
    }

    return $summary
}

Export-ModuleMember -Function Send-AdvertStatusEvent, Send-AdvertStatusSiteData, Send-AdvertStatusSpool
