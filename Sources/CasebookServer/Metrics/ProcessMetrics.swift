import Foundation
import Prometheus
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The standard `process_` metrics Prometheus clients export, read from /proc at scrape time (Linux only; elsewhere
/// they stay at zero), plus Casebook's uptime.
final class ProcessMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    /// The CPU seconds already added to the counter, so each scrape adds only what was used since the last.
    private let cpuCounted = Mutex<Double>(0)
    private let started: Double

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        started = ProcessStat.read()?.startTime ?? Date().timeIntervalSince1970
        registry.makeGauge(descriptor: .init(metricName: "process_start_time_seconds", unitName: "",
                                             helpText: "Start time of the process since the Unix epoch, in seconds."))
            .set(started)
    }

    func refresh() {
        registry.makeGauge(descriptor: .casebook("uptime", unit: "seconds", "Seconds since the process started."))
            .set(Date().timeIntervalSince1970 - started)
        guard let stat = ProcessStat.read() else { return }
        registry.makeGauge(descriptor: .init(metricName: "process_resident_memory_bytes", unitName: "",
                                             helpText: "Resident memory size in bytes."))
            .set(Double(stat.residentBytes))
        registry.makeGauge(descriptor: .init(metricName: "process_virtual_memory_bytes", unitName: "",
                                             helpText: "Virtual memory size in bytes."))
            .set(Double(stat.virtualBytes))
        registry.makeGauge(descriptor: .init(metricName: "process_open_fds", unitName: "",
                                             helpText: "Number of open file descriptors."))
            .set(Int64(stat.openFileDescriptors))
        let cpu = registry.makeCounter(descriptor: .init(metricName: "process_cpu_seconds_total", unitName: "",
                                                         helpText: "Total user and system CPU time spent in seconds."))
        cpuCounted.withLock { counted in
            // A counter only goes up: add the difference (two scrapes at once must not both add it).
            if stat.cpuSeconds > counted {
                cpu.increment(by: stat.cpuSeconds - counted)
                counted = stat.cpuSeconds
            }
        }
    }
}

/// What /proc says about this process.
struct ProcessStat: Sendable, Equatable {
    var residentBytes: Int
    var virtualBytes: Int
    var openFileDescriptors: Int
    var cpuSeconds: Double
    /// Seconds since the Unix epoch.
    var startTime: Double

    static func read() -> ProcessStat? {
        #if os(Linux)
        let pageSize = sysconf(Int32(_SC_PAGESIZE)), ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard pageSize > 0, ticks > 0,
              let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let boot = try? String(contentsOfFile: "/proc/stat", encoding: .utf8)
        else { return nil }
        let pages = statm.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        guard pages.count >= 2, let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state): utime is field 14, stime 15, starttime 22.
        guard fields.count > 19, let utime = Double(fields[11]), let stime = Double(fields[12]),
              let startTicks = Double(fields[19]),
              let bootLine = boot.split(separator: "\n").first(where: { $0.hasPrefix("btime ") }),
              let bootTime = Double(bootLine.dropFirst(6).trimmingCharacters(in: .whitespaces))
        else { return nil }
        // Listing the folder opens one descriptor of its own, which the listing shows.
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count).map { max($0 - 1, 0) } ?? 0
        return ProcessStat(residentBytes: pages[1] * pageSize, virtualBytes: pages[0] * pageSize,
                           openFileDescriptors: fds, cpuSeconds: (utime + stime) / ticks,
                           startTime: bootTime + startTicks / ticks)
        #else
        return nil
        #endif
    }
}
