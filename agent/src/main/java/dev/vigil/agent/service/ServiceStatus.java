package dev.vigil.agent.service;

/**
 * One status report to the Service Control Manager, in winsvc.h's terms ({@code SERVICE_STATUS}
 * without the service type, which never changes).
 *
 * @param state {@code SERVICE_START_PENDING}, {@code SERVICE_RUNNING}, {@code SERVICE_STOP_PENDING}
 *     or {@code SERVICE_STOPPED}
 * @param controlsAccepted {@code SERVICE_ACCEPT_*} bits
 * @param win32ExitCode {@code NO_ERROR}, or {@code ERROR_SERVICE_SPECIFIC_ERROR} when stopped on a
 *     failure
 * @param serviceExitCode the agent's own exit code when {@code win32ExitCode} says so
 * @param checkPoint rises during a pending state so the manager knows the service is not hung
 * @param waitHintMillis how long the manager should wait for the next report of a pending state
 */
public record ServiceStatus(
    int state,
    int controlsAccepted,
    int win32ExitCode,
    int serviceExitCode,
    int checkPoint,
    int waitHintMillis) {}
