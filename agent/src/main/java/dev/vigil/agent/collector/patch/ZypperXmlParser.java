package dev.vigil.agent.collector.patch;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses zypper's {@code --xmlout} answers to {@code list-updates} and {@code list-patches}: a
 * {@code <stream>} holding an {@code <update-list>} of {@code <update kind="package|patch">}.
 */
final class ZypperXmlParser {

  /** A needed patch: its severity and, when zypper shows one, its issue date. */
  record Patch(String name, Severity severity, Optional<Instant> issued) {}

  private ZypperXmlParser() {}

  /** How many {@code kind="package"} updates the list holds. */
  static int packageUpdates(String xml) throws IOException {
    return updates(xml, "package").size();
  }

  /**
   * The {@code kind="patch"} updates, each with its {@code severity} attribute and the {@code
   * time_t} of its {@code <issue-date>}.
   */
  static List<Patch> patches(String xml) throws IOException {
    List<Patch> patches = new ArrayList<>();
    for (Element update : updates(xml, "patch")) {
      NodeList dates = update.getElementsByTagName("issue-date");
      Optional<Instant> issued = Optional.empty();
      if (dates.getLength() > 0) {
        String seconds = ((Element) dates.item(0)).getAttribute("time_t");
        if (!seconds.isEmpty()) {
          issued = Optional.of(Instant.ofEpochSecond(Long.parseLong(seconds)));
        }
      }
      patches.add(
          new Patch(
              update.getAttribute("name"), Severity.of(update.getAttribute("severity")), issued));
    }
    return patches;
  }

  private static List<Element> updates(String xml, String kind) throws IOException {
    NodeList lists = parse(xml).getElementsByTagName("update-list");
    if (lists.getLength() == 0) {
      throw new IOException("zypper answered without an <update-list>");
    }
    List<Element> updates = new ArrayList<>();
    NodeList all = ((Element) lists.item(0)).getElementsByTagName("update");
    for (int i = 0; i < all.getLength(); i++) {
      Element update = (Element) all.item(i);
      if (kind.equals(update.getAttribute("kind"))) {
        updates.add(update);
      }
    }
    return updates;
  }

  private static Element parse(String xml) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // zypper's output has no DTD; refusing one rules out entity expansion and external fetches.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("zypper's XML does not parse: " + e.getMessage(), e);
    }
  }
}
