#Requires -Version 5.1
#Requires -RunAsAdministrator
<#
.SYNOPSIS
    Installs the Vigil agent as the Windows service VigilAgent and starts it.
.DESCRIPTION
    Copies vigil-agent.jar and logback.xml to %ProgramFiles%\Vigil\agent (which inherits Program
    Files' permissions: only administrators may write), records the Java runtime there, makes
    %ProgramData%\Vigil\agent readable by SYSTEM and Administrators only and copies the agent's
    configuration into it, then registers the service with `vigil-agent install-service` and starts
    it. The service runs as LocalSystem (see README.md). Not run by Vigil's tests: see README.md.
.EXAMPLE
    .\install.ps1 -Jar .\vigil-agent.jar -Config .\agent.yaml -JavaHome 'C:\Program Files\Eclipse Adoptium\jdk-17.0.15.6-hotspot'
.EXAMPLE
    .\install.ps1 -Jar .\vigil-agent.jar -AgentArgs '--collector', 'collector.example:7431', '--label', 'site=hq'
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $Jar,
    [string] $Config,
    [string[]] $AgentArgs = @(),
    [string] $JavaHome = $env:JAVA_HOME
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ServiceName = 'VigilAgent'
$ProgramDir = Join-Path $env:ProgramFiles 'Vigil\agent'
$DataDir = Join-Path $env:ProgramData 'Vigil\agent'

if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
    throw "service $ServiceName is already installed; run uninstall.ps1 first"
}
if (-not $JavaHome) {
    throw 'no Java runtime: pass -JavaHome or set JAVA_HOME (Java 17 or newer)'
}
$JavaHome = (Resolve-Path -LiteralPath $JavaHome).Path
$Java = Join-Path $JavaHome 'bin\java.exe'
if (-not (Test-Path -LiteralPath $Java -PathType Leaf)) {
    throw "no java.exe at $Java"
}
# The service runs this java.exe as LocalSystem: whoever can replace it can run code as SYSTEM.
if (-not $JavaHome.StartsWith($env:ProgramFiles, [StringComparison]::OrdinalIgnoreCase)) {
    Write-Warning "$JavaHome is outside $env:ProgramFiles; make sure only administrators can write to it"
}
$Jar = (Resolve-Path -LiteralPath $Jar).Path

New-Item -ItemType Directory -Force -Path $ProgramDir | Out-Null
$InstalledJar = Join-Path $ProgramDir 'vigil-agent.jar'
Copy-Item -LiteralPath $Jar -Destination $InstalledJar -Force
Copy-Item -LiteralPath (Join-Path $PSScriptRoot 'logback.xml') -Destination $ProgramDir -Force
# The Java runtime the service uses, for uninstall.ps1 (the service's command line holds it too).
Set-Content -LiteralPath (Join-Path $ProgramDir 'java-home.txt') -Value $JavaHome -Encoding UTF8

# SYSTEM and Administrators only, by SID so that a localized Windows works too: the folder holds
# the configuration (with the collector token, once the agent has one) and the logs. The ACL is
# set before the configuration is copied in, so the copy inherits it.
New-Item -ItemType Directory -Force -Path $DataDir | Out-Null
& icacls.exe $DataDir /inheritance:r /grant:r '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' | Out-Null
if ($LASTEXITCODE -ne 0) {
    throw "icacls failed on $DataDir (exit $LASTEXITCODE)"
}

$ServiceArgs = @($AgentArgs)
if ($Config) {
    $InstalledConfig = Join-Path $DataDir 'agent.yaml'
    Copy-Item -LiteralPath (Resolve-Path -LiteralPath $Config).Path -Destination $InstalledConfig -Force
    $ServiceArgs += @('--config', $InstalledConfig)
}

& $Java -jar $InstalledJar install-service @ServiceArgs
if ($LASTEXITCODE -ne 0) {
    throw "vigil-agent install-service failed (exit $LASTEXITCODE)"
}
Start-Service -Name $ServiceName
Get-Service -Name $ServiceName
