#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process for tests that talk to real peers (Python's email package, an SMTP server), started with
/// `posix_spawn`. Foundation's `Process.run()` on Linux over-reads `/proc/self/fd` entries and crashes the test
/// process now and then (swift-corelibs-foundation#5472); this does what those tests need and no more. The child
/// gets the given descriptors as stdin/stdout/stderr and no other descriptor of ours (closed from 3 up in the
/// child), so a pipe's write end is never held open by an unrelated child.
public final class ChildProcess: @unchecked Sendable {
    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String
    }

    public let pid: pid_t
    private var status: Int32?

    /// Runs `arguments[0]` found on `PATH` (as `/usr/bin/env` would), with `environment` added to ours.
    public init(_ arguments: [String], environment extra: [String: String] = [:], stdin: Int32? = nil, stdout: Int32? = nil,
                stderr: Int32? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (from, to) in [(stdin, Int32(0)), (stdout, 1), (stderr, 2)] {
            if let from { posix_spawn_file_actions_adddup2(&actions, from, to) }
        }
        try Self.closeFromThree(&actions)
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") { environment[String(text[..<equals])] = String(text[text.index(after: equals)...]) }
            entry += 1
        }
        for (key, value) in extra { environment[key] = value }
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, "/usr/bin/env", &actions, nil, argv, envp)
        guard result == 0 else { throw SpawnError(description: "posix_spawn \(arguments.first ?? ""): \(String(cString: strerror(result)))") }
        pid = child
    }

    /// glibc has `posix_spawn_file_actions_addclosefrom_np` since 2.34, but Swift's Glibc module does not declare it.
    private static func closeFromThree(_ actions: inout posix_spawn_file_actions_t) throws {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            throw SpawnError(description: "posix_spawn_file_actions_addclosefrom_np is missing (glibc 2.34 or later is needed)")
        }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }

    /// Whether the child is still running (reaps it once it has exited).
    public var isRunning: Bool {
        if status != nil { return false }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        if result == pid { status = raw; return false }
        return result == 0
    }

    /// Waits for the child to exit and returns its exit code (128 + the signal when a signal ended it).
    @discardableResult
    public func wait() -> Int32 {
        if status == nil {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
            status = raw
        }
        return terminationStatus
    }

    public var terminationStatus: Int32 {
        guard let raw = status else { return -1 }
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }

    public func terminate() { if status == nil { kill(pid, SIGTERM) } }
    public func forceKill() { if status == nil { kill(pid, SIGKILL) } }
}
