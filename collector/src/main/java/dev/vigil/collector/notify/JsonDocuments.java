package dev.vigil.collector.notify;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the JSON bodies receivers send, with maps in key order so equal input gives equal bytes.
 */
public final class JsonDocuments {
  private JsonDocuments() {}

  /** What writes one document. */
  @FunctionalInterface
  public interface Content {
    /** Writes the document's single top-level value to {@code json}. */
    void write(JsonWriter json) throws IOException;
  }

  /** The text {@code content} writes. */
  public static String render(Content content) {
    StringWriter text = new StringWriter();
    try (JsonWriter json = new JsonWriter(text)) {
      content.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON into memory failed", e);
    }
    return text.toString();
  }

  /** Writes {@code map} as an object of strings, keys in order. */
  public static void stringMap(JsonWriter json, Map<String, String> map) throws IOException {
    json.beginObject();
    for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
      json.name(entry.getKey()).value(entry.getValue());
    }
    json.endObject();
  }
}
