package dev.vigil.collector.api;

/**
 * Who presented a known token: its name (the actor written to the audit trail) and its role.
 *
 * @param name the token's name from the tokens file
 * @param role what the token may do
 */
record ApiCaller(String name, ApiRole role) {}
