/**
 * The thin JNA layer over the Service Control Manager (advapi32). Loaded only on Windows: nothing
 * outside this package names a class of it except behind the operating-system check.
 */
package dev.vigil.agent.service.win32;
