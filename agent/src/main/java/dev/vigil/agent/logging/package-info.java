/** How the agent logs: Logback set up in code, one line per event on stderr. */
package dev.vigil.agent.logging;
