#Requires -Version 5.1
#Requires -RunAsAdministrator
<#
.SYNOPSIS
    Stops and removes the Vigil agent service and its program files.
.DESCRIPTION
    Runs `vigil-agent uninstall-service` with the Java runtime install.ps1 recorded, then deletes
    %ProgramFiles%\Vigil\agent. %ProgramData%\Vigil\agent (configuration and logs) stays unless
    -RemoveData is given. Not run by Vigil's tests: see README.md.
#>
[CmdletBinding()]
param(
    [switch] $RemoveData
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ProgramDir = Join-Path $env:ProgramFiles 'Vigil\agent'
$DataDir = Join-Path $env:ProgramData 'Vigil\agent'

$JavaHome = (Get-Content -LiteralPath (Join-Path $ProgramDir 'java-home.txt') -TotalCount 1).Trim()
$Java = Join-Path $JavaHome 'bin\java.exe'
& $Java -jar (Join-Path $ProgramDir 'vigil-agent.jar') uninstall-service
if ($LASTEXITCODE -ne 0) {
    throw "vigil-agent uninstall-service failed (exit $LASTEXITCODE)"
}

# The service reports STOPPED just before its process exits; give the process a moment to let go
# of the jar.
for ($attempt = 1; $attempt -le 10; $attempt++) {
    try {
        Remove-Item -LiteralPath $ProgramDir -Recurse -Force
        break
    } catch {
        if ($attempt -eq 10) { throw }
        Start-Sleep -Seconds 1
    }
}
if ($RemoveData) {
    Remove-Item -LiteralPath $DataDir -Recurse -Force
}
