package dev.vigil.agent.config;

/**
 * One value of one setting as a source read it.
 *
 * @param name the setting, e.g. {@code interval}
 * @param value its text, e.g. {@code 15s}
 * @param origin where it was written, put in front of any error about it: {@code
 *     /etc/vigil/agent.yaml:7:3: key "interval"}, {@code VIGIL_AGENT_INTERVAL} or {@code
 *     --interval}
 */
public record SettingValue(String name, String value, String origin) {}
