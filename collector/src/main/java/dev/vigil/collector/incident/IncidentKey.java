package dev.vigil.collector.incident;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What makes two firings the same incident: the host, the rule's name and the alert's labels. The
 * labels are held sorted, so the key does not depend on the order they were given in.
 *
 * @param host the host the alert fired for (its {@code instance})
 * @param rule the alerting rule's name ({@code alert:})
 * @param labels the alert's labels, sorted by name
 */
public record IncidentKey(String host, String rule, SortedMap<String, String> labels) {
  private static final Gson GSON = new Gson();

  public IncidentKey {
    requireText(host, "host");
    requireText(rule, "rule");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /** A key from labels in any order. */
  public static IncidentKey of(String host, String rule, Map<String, String> labels) {
    return new IncidentKey(host, rule, new TreeMap<>(labels));
  }

  /**
   * The key as one JSON array, {@code ["host","rule",{"a":"1","b":"2"}]}: unambiguous whatever
   * characters the parts hold, and the same text for the same key.
   */
  public String canonical() {
    JsonArray array = new JsonArray();
    array.add(host);
    array.add(rule);
    array.add(labelsJson());
    return GSON.toJson(array);
  }

  /** The labels as a JSON object with names in order. */
  public String labelsText() {
    return GSON.toJson(labelsJson());
  }

  /**
   * The SHA-256 of {@link #canonical()} in hex: a fixed-size column the database can index
   * uniquely, however long the labels are.
   */
  public String dedupeKey() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Reads labels written by {@link #labelsText()}. */
  public static IncidentKey fromLabelsText(String host, String rule, String labelsText) {
    JsonObject object = GSON.fromJson(labelsText, JsonObject.class);
    TreeMap<String, String> labels = new TreeMap<>();
    for (String name : object.keySet()) {
      labels.put(name, object.get(name).getAsString());
    }
    return new IncidentKey(host, rule, labels);
  }

  private JsonObject labelsJson() {
    JsonObject object = new JsonObject();
    labels.forEach(object::addProperty);
    return object;
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException("an incident's " + what + " must not be blank");
    }
  }
}
