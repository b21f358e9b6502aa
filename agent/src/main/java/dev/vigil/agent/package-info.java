/** The Vigil endpoint agent: configuration, the tick loop and the command line. */
package dev.vigil.agent;
