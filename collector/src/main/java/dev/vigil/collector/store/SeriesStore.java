package dev.vigil.collector.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The fleet: every host by name, and every metric family by name with a dense id.
 *
 * <p>Lookups and definitions are cold-path operations (a Hello, a catalog). Readers get sorted
 * array snapshots, rebuilt when a host or family is added, so a scrape walks arrays only.
 */
public final class SeriesStore {
  private static final Comparator<HostState> BY_HOST_NAME = Comparator.comparing(HostState::name);
  private static final Comparator<MetricFamily> BY_FAMILY_NAME =
      Comparator.comparing(MetricFamily::name);

  private final int maxSeriesPerHost;
  private final ConcurrentHashMap<String, HostState> hosts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, SeriesShape> shapes = new ConcurrentHashMap<>();
  private final Map<String, MetricFamily> familyByName = new HashMap<>();
  private final List<MetricFamily> familyById = new ArrayList<>();
  private volatile HostState[] hostsSorted = new HostState[0];
  private volatile MetricFamily[] familiesSorted = new MetricFamily[0];

  /** A store that refuses more than {@code maxSeriesPerHost} series on any one host. */
  public SeriesStore(int maxSeriesPerHost) {
    this.maxSeriesPerHost = maxSeriesPerHost;
  }

  int maxSeriesPerHost() {
    return maxSeriesPerHost;
  }

  /**
   * The one shape of the series {@code key}, made by {@code make} on its first definition on any
   * host. Most of a fleet's hosts define the same thousands of series; each keeping its own key,
   * label pairs and text made those copies most of the collector's heap (README, "Load"). The map
   * never shrinks: a series only one host had (its uname, its serial) stays after the host is
   * forgotten, a few hundred bytes each. Cold path.
   */
  SeriesShape shape(String key, Function<String, SeriesShape> make) {
    return shapes.computeIfAbsent(key, make);
  }

  /** The host of that name, created on first use. */
  public HostState host(String name) {
    HostState known = hosts.get(name);
    return known != null ? known : addHost(name);
  }

  private synchronized HostState addHost(String name) {
    HostState host = hosts.computeIfAbsent(name, n -> new HostState(n, this));
    if (hostsSorted.length != hosts.size()) {
      sortHosts();
    }
    return host;
  }

  private void sortHosts() {
    HostState[] all = hosts.values().toArray(new HostState[0]);
    Arrays.sort(all, BY_HOST_NAME);
    hostsSorted = all;
  }

  /**
   * Removes a host that is not connected, with its series; a stream that says Hello later starts it
   * afresh. Cold path.
   *
   * @return the host removed, or null when none has that name
   * @throws IllegalStateException when a stream delivers the host, here or to another collector
   */
  public synchronized HostState forget(String name) {
    HostState host = hosts.get(name);
    if (host == null) {
      return null;
    }
    if (host.up() || host.elsewhere()) {
      throw new IllegalStateException("host " + name + " is connected");
    }
    hosts.remove(name);
    sortHosts();
    return host;
  }

  /** The host of that name, or null when none has connected. */
  public HostState find(String name) {
    return hosts.get(name);
  }

  /** All hosts, sorted by name; a snapshot the caller must not modify. */
  public HostState[] hosts() {
    return hostsSorted;
  }

  /** All metric families, sorted by name; a snapshot the caller must not modify. */
  public MetricFamily[] families() {
    return familiesSorted;
  }

  /** The family of that name, or null when no host has defined it. Cold path. */
  public synchronized MetricFamily findFamily(String name) {
    return familyByName.get(name);
  }

  synchronized MetricFamily family(String name, MetricFamily.Type type, String help)
      throws SeriesRejectedException {
    MetricFamily known = familyByName.get(name);
    if (known != null) {
      if (known.type() != type) {
        throw new SeriesRejectedException(
            SeriesRejectedException.Reason.TYPE_CONFLICT,
            "metric " + name + " is a " + known.type().text() + ", not a " + type.text());
      }
      return known;
    }
    MetricFamily added = new MetricFamily(familyById.size(), name, type, help);
    familyById.add(added);
    familyByName.put(name, added);
    MetricFamily[] sorted = familyById.toArray(new MetricFamily[0]);
    Arrays.sort(sorted, BY_FAMILY_NAME);
    familiesSorted = sorted;
    return added;
  }
}
