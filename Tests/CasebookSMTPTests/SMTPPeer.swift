import ChildProcess
import Foundation
import Testing

/// The aiosmtpd server of `smtp_peer.py`, run as a child process on a free loopback port.
///
/// Python is `$CASEBOOK_PYTHON` or `python3` on the PATH; it needs `aiosmtpd` (Tests/acceptance/requirements.txt).
final class SMTPPeer {
    let port: Int
    /// The peer's self-signed certificate (PEM), when it was started with a TLS option.
    let certificatePath: String?
    let logPath: String
    private let process: ChildProcess
    private let stdin: Pipe
    private let directory: URL

    struct Message: Sendable {
        var mailFrom: String
        var rcptTos: [String]
        var mailOptions: [String]
        var data: [UInt8]
        var tls: Bool
        var authLogin: String?
        var helo: String?
        /// The connection's raw reads up to the end of DATA (decrypted after TLS).
        var chunks: [[UInt8]]
    }

    struct AuthAttempt: Sendable {
        var login: String?
        var mechanism: String
        var success: Bool
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_peer.py").path
    }

    private init(port: Int, certificatePath: String?, logPath: String, process: ChildProcess, stdin: Pipe, directory: URL) {
        self.port = port
        self.certificatePath = certificatePath
        self.logPath = logPath
        self.process = process
        self.stdin = stdin
        self.directory = directory
    }

    static func start(_ arguments: [String] = []) async throws -> SMTPPeer {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("casebook-smtp-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logPath = directory.appendingPathComponent("messages.jsonl").path
        let stdoutPath = directory.appendingPathComponent("stdout.txt")
        let stderrPath = directory.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: stdoutPath.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath.path, contents: nil)

        let python = ProcessInfo.processInfo.environment["CASEBOOK_PYTHON"] ?? "python3"
        let stdin = Pipe()
        let out = try FileHandle(forWritingTo: stdoutPath), err = try FileHandle(forWritingTo: stderrPath)
        let process = try ChildProcess([python, "-u", scriptPath, "--log", logPath] + arguments, stdin: stdin.fileHandleForReading.fileDescriptor,
                                       stdout: out.fileDescriptor, stderr: err.fileDescriptor)
        // The child has its own copies now.
        try? stdin.fileHandleForReading.close()
        try? out.close()
        try? err.close()

        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let output = (try? String(contentsOf: stdoutPath, encoding: .utf8)) ?? ""
            var port: Int?
            var certificate: String?
            for line in output.split(separator: "\n") {
                if line.hasPrefix("READY ") { port = Int(line.dropFirst(6)) }
                if line.hasPrefix("CERT ") { certificate = String(line.dropFirst(5)) }
            }
            if let port {
                return SMTPPeer(port: port, certificatePath: certificate, logPath: logPath, process: process, stdin: stdin, directory: directory)
            }
            if !process.isRunning {
                let errors = (try? String(contentsOf: stderrPath, encoding: .utf8)) ?? ""
                try? FileManager.default.removeItem(at: directory)
                throw StartFailure(description: "smtp_peer.py exited with \(process.terminationStatus) before READY (is aiosmtpd installed for \(python)? pip install aiosmtpd):\n\(errors)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        try? FileManager.default.removeItem(at: directory)
        throw StartFailure(description: "smtp_peer.py did not print READY within 30 s")
    }

    /// Stops the peer and removes its files.
    func stop() {
        // The peer stops when its standard input closes; SIGTERM as well.
        try? stdin.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            // Poll rather than waitUntilExit (which runs a run loop); SIGKILL after 5 s.
            let deadline = ContinuousClock.now + .seconds(5)
            while process.isRunning && ContinuousClock.now < deadline {
                usleep(20_000)
            }
            if process.isRunning {
                process.forceKill()
            }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    private func records() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: logPath, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    func messages() throws -> [Message] {
        try records().filter { $0["event"] as? String == "message" }.map { record in
            Message(
                mailFrom: record["mail_from"] as? String ?? "",
                rcptTos: record["rcpt_tos"] as? [String] ?? [],
                mailOptions: record["mail_options"] as? [String] ?? [],
                data: [UInt8](Data(base64Encoded: record["data_b64"] as? String ?? "") ?? Data()),
                tls: record["tls"] as? Bool ?? false,
                authLogin: record["auth_login"] as? String,
                helo: record["helo"] as? String,
                chunks: (record["chunks_b64"] as? [String] ?? []).map { [UInt8](Data(base64Encoded: $0) ?? Data()) }
            )
        }
    }

    func authAttempts() throws -> [AuthAttempt] {
        try records().filter { $0["event"] as? String == "auth" }.map { record in
            AuthAttempt(
                login: record["login"] as? String,
                mechanism: record["mechanism"] as? String ?? "",
                success: record["success"] as? Bool ?? false
            )
        }
    }
}

/// Runs `body` with a started peer and always stops it.
func withPeer<T>(_ arguments: [String] = [], _ body: (SMTPPeer) async throws -> T) async throws -> T {
    let peer = try await SMTPPeer.start(arguments)
    do {
        let result = try await body(peer)
        peer.stop()
        return result
    } catch {
        peer.stop()
        throw error
    }
}
