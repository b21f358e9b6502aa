package dev.vigil.bench;

import dev.vigil.proto.v1.Catalog;
import dev.vigil.proto.v1.MetricType;
import dev.vigil.proto.v1.SeriesDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the series set of a busy Linux server as node_exporter reports it (8 CPUs, 20 mounts, a
 * container host's 32 network devices, 4 disks, systemd units, interrupts), as one {@code Catalog}
 * of an agent's first epoch, so benchmarks decode and apply what the fleet really sends.
 */
final class NodeExporterCatalog {
  private static final String[] CPU_MODES = words("idle iowait irq nice softirq steal system user");
  private static final String[][] MOUNTS = {
    {"/dev/nvme0n1p2", "ext4", "/"},
    {"/dev/nvme0n1p1", "vfat", "/boot/efi"},
    {"/dev/mapper/vg0-var", "ext4", "/var"},
    {"/dev/mapper/vg0-home", "ext4", "/home"},
    {"/dev/sda1", "xfs", "/srv/data"},
    {"/dev/sdb1", "xfs", "/srv/backup"},
    {"tmpfs", "tmpfs", "/run"},
    {"tmpfs", "tmpfs", "/dev/shm"},
    {"tmpfs", "tmpfs", "/run/lock"},
    {"tmpfs", "tmpfs", "/run/user/1000"},
    {"overlay", "overlay", "/var/lib/docker/overlay2/3f9c1e/merged"},
    {"overlay", "overlay", "/var/lib/docker/overlay2/a71d04/merged"},
    {"overlay", "overlay", "/var/lib/docker/overlay2/0b5e92/merged"},
    {"overlay", "overlay", "/var/lib/docker/overlay2/c4d8a1/merged"},
    {"overlay", "overlay", "/var/lib/docker/overlay2/5e27f3/merged"},
    {"overlay", "overlay", "/var/lib/docker/overlay2/9a0c6d/merged"},
    {"overlay", "overlay", "/var/lib/docker/overlay2/e13b78/merged"},
    {"overlay", "overlay", "/var/lib/docker/overlay2/27f9c0/merged"},
    {"overlay", "overlay", "/var/lib/docker/overlay2/b86d15/merged"},
    {"overlay", "overlay", "/var/lib/docker/overlay2/6c41ea/merged"},
  };
  private static final String[] DISKS = words("nvme0n1 sda sdb dm-0");
  private static final String[] NAMED_INTERRUPTS =
      words("NMI LOC SPU PMI IWI RTR RES CAL TLB TRM THR DFR MCE MCP ERR MIS PIN NPI PIW");
  private static final String[] MEMINFO =
      words(
          "MemTotal MemFree MemAvailable Buffers Cached SwapCached Active Inactive "
              + "Active_anon Inactive_anon Active_file Inactive_file Unevictable Mlocked "
              + "SwapTotal SwapFree Dirty Writeback AnonPages Mapped Shmem KReclaimable Slab "
              + "SReclaimable SUnreclaim KernelStack PageTables NFS_Unstable Bounce "
              + "WritebackTmp CommitLimit Committed_AS VmallocTotal VmallocUsed VmallocChunk "
              + "Percpu HardwareCorrupted AnonHugePages ShmemHugePages ShmemPmdMapped "
              + "FileHugePages FilePmdMapped Hugepagesize Hugetlb DirectMap4k DirectMap2M "
              + "DirectMap1G");
  private static final String[] NETSTAT =
      words(
          "Tcp_ActiveOpens Tcp_PassiveOpens Tcp_CurrEstab Tcp_InErrs Tcp_InSegs "
              + "Tcp_OutRsts Tcp_OutSegs Tcp_RetransSegs Udp_InDatagrams Udp_InErrors "
              + "Udp_NoPorts Udp_OutDatagrams Udp_RcvbufErrors Udp_SndbufErrors "
              + "Udp6_InDatagrams Udp6_InErrors Udp6_NoPorts Udp6_OutDatagrams "
              + "TcpExt_ListenDrops TcpExt_ListenOverflows TcpExt_SyncookiesFailed "
              + "TcpExt_SyncookiesRecv TcpExt_SyncookiesSent TcpExt_TCPSynRetrans "
              + "TcpExt_TCPTimeouts TcpExt_TCPOFOQueue Icmp_InErrors Icmp_InMsgs Icmp_OutMsgs "
              + "Ip_Forwarding IpExt_InOctets IpExt_OutOctets Ip6_InOctets Ip6_OutOctets");
  private static final String[] SYSTEMD_STATES =
      words("activating active deactivating failed inactive");
  private static final String[] SYSTEMD_UNITS =
      words(
          "accounts-daemon apparmor apt-daily apt-daily-upgrade atd auditd "
              + "blk-availability chrony containerd cron dbus docker dm-event e2scrub_reap "
              + "fstrim fwupd getty@tty1 grub-common irqbalance keyboard-setup "
              + "kmod-static-nodes logrotate lvm2-monitor lvm2-lvmpolld man-db ModemManager "
              + "multipathd networkd-dispatcher nginx node-exporter open-iscsi packagekit "
              + "polkit postfix postgresql postgresql@15-main rsyslog serial-getty@ttyS0 snapd "
              + "ssh sysstat systemd-binfmt systemd-fsck-root systemd-journald systemd-logind "
              + "systemd-modules-load systemd-networkd systemd-random-seed systemd-remount-fs "
              + "systemd-resolved systemd-sysctl systemd-timesyncd systemd-tmpfiles-clean "
              + "systemd-tmpfiles-setup systemd-udev-trigger systemd-udevd systemd-update-utmp "
              + "systemd-user-sessions thermald udisks2 ufw unattended-upgrades upower "
              + "user@1000 vigil-agent wpa_supplicant");
  private static final String[] COLLECTORS =
      words(
          "arp bcache bonding btrfs conntrack cpu cpufreq diskstats dmi edac entropy "
              + "fibrechannel filefd filesystem hwmon infiniband ipvs loadavg mdadm meminfo "
              + "netclass netdev netstat nfs nfsd nvme os powersupplyclass pressure rapl "
              + "schedstat selinux sockstat softnet stat systemd tapestats textfile "
              + "thermal_zone time timex udp_queues uname vmstat xfs zfs");

  private final Map<String, Integer> symbolIds = new HashMap<>();
  private final List<String> symbols = new ArrayList<>();
  private final List<SeriesDef> series = new ArrayList<>();
  private final List<Boolean> counters = new ArrayList<>();

  private NodeExporterCatalog() {}

  /** The catalog and, per series id, whether the series is a counter. */
  record Result(Catalog catalog, boolean[] counter) {}

  /** A first catalog for {@code epoch}: symbols from id 1, series from id 0. */
  static Result build(long epoch) {
    NodeExporterCatalog b = new NodeExporterCatalog();
    b.cpu();
    b.memory();
    b.filesystems();
    b.network();
    b.disks();
    b.kernel();
    b.systemd();
    b.exporterItself();
    Catalog.Builder catalog =
        Catalog.newBuilder()
            .setEpoch(epoch)
            .setFirstSymbolId(1)
            .addAllSymbols(b.symbols)
            .setFirstSeriesId(0)
            .addAllSeries(b.series);
    boolean[] counter = new boolean[b.counters.size()];
    for (int i = 0; i < counter.length; i++) {
      counter[i] = b.counters.get(i);
    }
    return new Result(catalog.build(), counter);
  }

  private void cpu() {
    for (int cpu = 0; cpu < 8; cpu++) {
      String c = Integer.toString(cpu);
      for (String mode : CPU_MODES) {
        counter(
            "node_cpu_seconds_total",
            "Seconds the CPUs spent in each mode.",
            "cpu",
            c,
            "mode",
            mode);
      }
      counter(
          "node_cpu_guest_seconds_total",
          "Seconds the CPUs spent in guests.",
          "cpu",
          c,
          "mode",
          "nice");
      counter(
          "node_cpu_guest_seconds_total",
          "Seconds the CPUs spent in guests.",
          "cpu",
          c,
          "mode",
          "user");
      gauge(
          "node_cpu_scaling_frequency_hertz",
          "Current scaled CPU thread frequency in hertz.",
          "cpu",
          c);
      gauge(
          "node_cpu_scaling_frequency_max_hertz", "Maximum scaled CPU thread frequency.", "cpu", c);
      gauge(
          "node_cpu_scaling_frequency_min_hertz", "Minimum scaled CPU thread frequency.", "cpu", c);
      for (String s : words("processed dropped times_squeezed received_rps")) {
        counter("node_softnet_" + s + "_total", "Number of " + s + " packets.", "cpu", c);
      }
      gauge("node_softnet_backlog_len", "Softnet backlog status.", "cpu", c);
      counter("node_schedstat_running_seconds_total", "Seconds spent running a process.", "cpu", c);
      counter("node_schedstat_waiting_seconds_total", "Seconds spent waiting to run.", "cpu", c);
      counter("node_schedstat_timeslices_total", "Timeslices executed by CPU.", "cpu", c);
      for (int irq = 0; irq < 40; irq++) {
        counter(
            "node_interrupts_total",
            "Interrupt details.",
            "cpu",
            c,
            "devices",
            irq < 16 ? "IO-APIC" : "PCI-MSI",
            "info",
            irq < 16 ? "edge" : "0000:00:1f.0",
            "type",
            Integer.toString(irq));
      }
      for (String irq : NAMED_INTERRUPTS) {
        counter(
            "node_interrupts_total",
            "Interrupt details.",
            "cpu",
            c,
            "devices",
            "",
            "info",
            "",
            "type",
            irq);
      }
    }
    for (String load : words("node_load1 node_load5 node_load15")) {
      gauge(load, "Load average.");
    }
    for (int zone = 0; zone < 9; zone++) {
      String sensor = "temp" + (zone + 1);
      gauge(
          "node_hwmon_temp_celsius",
          "Hardware monitor temperature.",
          "chip",
          "platform_coretemp_0",
          "sensor",
          sensor);
      gauge(
          "node_hwmon_temp_crit_celsius",
          "Critical temperature.",
          "chip",
          "platform_coretemp_0",
          "sensor",
          sensor);
      gauge(
          "node_hwmon_temp_max_celsius",
          "Maximum temperature.",
          "chip",
          "platform_coretemp_0",
          "sensor",
          sensor);
    }
  }

  private void memory() {
    for (String field : MEMINFO) {
      gauge("node_memory_" + field + "_bytes", "Memory information field " + field + "_bytes.");
    }
    for (String field : words("pgfault pgmajfault pgpgin pgpgout pswpin pswpout oom_kill")) {
      counter("node_vmstat_" + field, "/proc/vmstat information field " + field + ".");
    }
    for (String resource : words("cpu io memory")) {
      counter(
          "node_pressure_" + resource + "_waiting_seconds_total",
          "Total time processes waited for " + resource + ".");
    }
  }

  private void filesystems() {
    String[] metrics =
        words("size_bytes free_bytes avail_bytes files files_free readonly " + "device_error");
    for (String[] mount : MOUNTS) {
      for (String metric : metrics) {
        gauge(
            "node_filesystem_" + metric,
            "Filesystem " + metric + ".",
            "device",
            mount[0],
            "fstype",
            mount[1],
            "mountpoint",
            mount[2]);
      }
    }
  }

  private void network() {
    String[] receive = words("bytes packets errs drop fifo compressed multicast frame");
    String[] transmit = words("bytes packets errs drop fifo compressed colls carrier");
    List<String> devices =
        new ArrayList<>(List.of("lo", "eno1", "eno2", "bond0", "docker0", "br-5c2f1d", "wg0"));
    for (int i = 0; devices.size() < 32; i++) {
      devices.add(String.format("veth%07x", 0x3a1f00 + i * 0x1b3d));
    }
    for (String device : devices) {
      for (String r : receive) {
        counter(
            "node_network_receive_" + r + "_total",
            "Network device statistic receive_" + r + ".",
            "device",
            device);
      }
      for (String t : transmit) {
        counter(
            "node_network_transmit_" + t + "_total",
            "Network device statistic transmit_" + t + ".",
            "device",
            device);
      }
      gauge("node_network_up", "Value is 1 if operstate is 'up'.", "device", device);
      gauge("node_network_mtu_bytes", "Network device mtu_bytes.", "device", device);
      gauge("node_network_carrier", "Network device carrier.", "device", device);
      gauge(
          "node_network_info",
          "Non-numeric data from /sys/class/net/<iface>.",
          "address",
          "02:42:ac:11:00:" + Integer.toHexString(0x10 + devices.indexOf(device)),
          "broadcast",
          "ff:ff:ff:ff:ff:ff",
          "device",
          device,
          "duplex",
          "full",
          "operstate",
          "up");
    }
  }

  private void disks() {
    String[] counters =
        words(
            "reads_completed_total reads_merged_total read_bytes_total "
                + "read_time_seconds_total writes_completed_total writes_merged_total "
                + "written_bytes_total write_time_seconds_total io_time_seconds_total "
                + "io_time_weighted_seconds_total discards_completed_total "
                + "discards_merged_total discarded_sectors_total "
                + "discard_time_seconds_total flush_requests_total "
                + "flush_requests_time_seconds_total");
    for (String disk : DISKS) {
      for (String metric : counters) {
        counter("node_disk_" + metric, "Disk statistic " + metric + ".", "device", disk);
      }
      gauge("node_disk_io_now", "The number of I/Os currently in progress.", "device", disk);
      gauge(
          "node_disk_info",
          "Info of /sys/block/<block_device>.",
          "device",
          disk,
          "major",
          "259",
          "minor",
          "0",
          "model",
          "SAMSUNG MZVL21T0HCLR-00B00",
          "revision",
          "GXA7801Q",
          "serial",
          "S676NF0R9" + disk.length() + "2041");
    }
  }

  private void kernel() {
    for (String field : NETSTAT) {
      gauge("node_netstat_" + field, "Statistic " + field + ".");
    }
    for (String field :
        words(
            "sockets_used TCP_alloc TCP_inuse TCP_mem TCP_mem_bytes TCP_orphan "
                + "TCP_tw UDP_inuse UDP_mem UDP_mem_bytes UDPLITE_inuse RAW_inuse "
                + "FRAG_inuse FRAG_memory TCP6_inuse UDP6_inuse")) {
      gauge("node_sockstat_" + field, "Number of " + field + ".");
    }
    counter("node_context_switches_total", "Total number of context switches.");
    counter("node_forks_total", "Total number of forks.");
    counter("node_intr_total", "Total number of interrupts serviced.");
    gauge("node_procs_running", "Number of processes in runnable state.");
    gauge("node_procs_blocked", "Number of processes blocked waiting for I/O.");
    gauge("node_boot_time_seconds", "Node boot time, in unixtime.");
    gauge("node_time_seconds", "System time in seconds since epoch (1970).");
    gauge("node_entropy_available_bits", "Bits of available entropy.");
    gauge("node_filefd_allocated", "File descriptor statistics: allocated.");
    gauge("node_filefd_maximum", "File descriptor statistics: maximum.");
    gauge("node_nf_conntrack_entries", "Number of currently allocated flow entries.");
    gauge("node_nf_conntrack_entries_limit", "Maximum size of connection tracking table.");
    gauge(
        "node_uname_info",
        "Labeled system information as provided by the uname system call.",
        "domainname",
        "(none)",
        "machine",
        "x86_64",
        "nodename",
        "web-01",
        "release",
        "6.1.0-18-amd64",
        "sysname",
        "Linux",
        "version",
        "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1");
  }

  private void systemd() {
    for (String unit : SYSTEMD_UNITS) {
      String name = unit + ".service";
      for (String state : SYSTEMD_STATES) {
        gauge(
            "node_systemd_unit_state",
            "Systemd unit",
            "name",
            name,
            "state",
            state,
            "type",
            "simple");
      }
      gauge(
          "node_systemd_unit_start_time_seconds",
          "Start time of the unit since unix epoch.",
          "name",
          name);
      gauge(
          "node_systemd_unit_tasks_current",
          "Current number of tasks per Systemd unit.",
          "name",
          name);
    }
  }

  private void exporterItself() {
    for (String collector : COLLECTORS) {
      gauge(
          "node_scrape_collector_success",
          "Whether a collector succeeded.",
          "collector",
          collector);
      gauge(
          "node_scrape_collector_duration_seconds",
          "Duration of a collector scrape.",
          "collector",
          collector);
    }
    for (String quantile : words("0 0.25 0.5 0.75 1")) {
      gauge(
          "go_gc_duration_seconds",
          "A summary of the pause duration of GC cycles.",
          "quantile",
          quantile);
    }
    for (String field :
        words(
            "alloc_bytes buck_hash_sys_bytes gc_sys_bytes heap_alloc_bytes "
                + "heap_idle_bytes heap_inuse_bytes heap_objects heap_released_bytes "
                + "heap_sys_bytes last_gc_time_seconds mcache_inuse_bytes "
                + "mcache_sys_bytes mspan_inuse_bytes mspan_sys_bytes next_gc_bytes "
                + "other_sys_bytes stack_inuse_bytes stack_sys_bytes sys_bytes")) {
      gauge("go_memstats_" + field, "Go memstats " + field + ".");
    }
    gauge("go_goroutines", "Number of goroutines that currently exist.");
    gauge("go_threads", "Number of OS threads created.");
    counter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.");
    gauge("process_open_fds", "Number of open file descriptors.");
    gauge("process_max_fds", "Maximum number of open file descriptors.");
    gauge("process_resident_memory_bytes", "Resident memory size in bytes.");
    gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.");
    gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.");
  }

  private static String[] words(String spaceSeparated) {
    return spaceSeparated.split(" ");
  }

  private void gauge(String name, String help, String... labels) {
    add(name, MetricType.METRIC_TYPE_GAUGE, help, labels);
  }

  private void counter(String name, String help, String... labels) {
    add(name, MetricType.METRIC_TYPE_COUNTER, help, labels);
  }

  private void add(String name, MetricType type, String help, String[] labels) {
    SeriesDef.Builder def =
        SeriesDef.newBuilder().setName(symbol(name)).setType(type).setHelp(symbol(help));
    for (String part : labels) {
      def.addLabels(symbol(part));
    }
    series.add(def.build());
    counters.add(type == MetricType.METRIC_TYPE_COUNTER);
  }

  private int symbol(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    return symbolIds.computeIfAbsent(
        text,
        t -> {
          symbols.add(t);
          return symbols.size();
        });
  }
}
