/**
 * The agent as a Windows service: the control-code state machine, the install parameters, the
 * command line the Service Control Manager runs and the error messages, all plain Java; the calls
 * into Windows live in {@code win32} and are loaded only on Windows.
 */
package dev.vigil.agent.service;
