package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A registry held in maps, set up by the test. */
final class FakeWindowsRegistry implements WindowsRegistry {
  final Set<String> keys = new HashSet<>();
  final Map<String, String> strings = new HashMap<>();
  final Map<String, List<String>> multiStrings = new HashMap<>();
  final Map<String, Instant> lastWrites = new HashMap<>();

  @Override
  public boolean keyExists(String key) {
    return keys.contains(key);
  }

  @Override
  public Optional<String> string(String key, String value) {
    return Optional.ofNullable(strings.get(key + "\\" + value));
  }

  @Override
  public List<String> multiString(String key, String value) {
    return multiStrings.getOrDefault(key + "\\" + value, List.of());
  }

  @Override
  public Optional<Instant> lastWrite(String key) {
    return Optional.ofNullable(lastWrites.get(key));
  }
}
