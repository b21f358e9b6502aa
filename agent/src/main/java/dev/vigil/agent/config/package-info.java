/**
 * Where agent settings come from: a YAML file, {@code VIGIL_AGENT_*} environment variables and
 * command-line flags, merged by precedence, each value carrying its origin so that every error
 * names the file and line, the variable or the flag.
 */
package dev.vigil.agent.config;
