# Runs the agents' Pester suite against the server named by ADVERTSTATUS_TEST_URL / ADVERTSTATUS_TEST_KEY.
# Exits with the number of failed tests (1 when none ran), so a caller sees a failure as a non-zero code.
param([Parameter(Mandatory)] [string] $PesterPath)

$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = Join-Path $PSScriptRoot 'AdvertStatus.Tests.ps1'
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration
"Pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped"
if ($result.TotalCount -eq 0) { exit 1 }
exit $result.FailedCount
