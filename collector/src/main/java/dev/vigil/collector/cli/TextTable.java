package dev.vigil.collector.cli;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;

/** Plain-text tables and values for people reading the API's answers in a terminal. */
final class TextTable {
  private TextTable() {}

  /** A header and one line per row, columns padded to their widest cell. */
  static String render(String[] columns, List<String[]> rows) {
    List<String[]> all = new ArrayList<>();
    all.add(columns);
    all.addAll(rows);
    int[] widths = new int[columns.length];
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        boolean last = i == row.length - 1;
        out.append(last ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** A JSON value as a cell: {@code -} for null or missing, strings bare, the rest as JSON. */
  static String text(JsonElement value) {
    if (value == null || value.isJsonNull()) {
      return "-";
    }
    return value.isJsonPrimitive() ? value.getAsString() : value.toString();
  }
}
