import Logging
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One TCP (or TLS) connection to an SMTP server, with reads and writes that fail as `SMTPError`s naming the
/// phase. Every method that awaits is bounded by a timeout; `close()` is safe to call on every path.
struct SMTPConnection: Sendable {
    let channel: any Channel
    /// The handler lives on the channel's event loop; `NIOLoopBound` only lets us touch it there.
    let handler: NIOLoopBound<SMTPChannelHandler>
    /// `host:port`, for messages.
    let endpoint: String
    let logger: Logger
    /// The TLS settings, to tell certificate problems apart in messages.
    let verifyCertificates: Bool

    static func connect(
        configuration: SMTPConfiguration,
        group: any EventLoopGroup,
        tlsContext: NIOSSLContext?,
        logger: Logger
    ) async throws(SMTPError) -> SMTPConnection {
        let endpoint = Self.endpoint(host: configuration.host, port: configuration.port)
        let serverHostname = Self.sniHostname(configuration.host)
        let implicitTLS = configuration.implicitTLS
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(configuration.timeouts.connect))
            .channelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS, let tlsContext {
                        let tls = try NIOSSLClientHandler(context: tlsContext, serverHostname: serverHostname)
                        try channel.pipeline.syncOperations.addHandler(tls)
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPChannelHandler(eventLoop: channel.eventLoop))
                }
            }
        logger.debug("connecting", metadata: ["smtp.server": "\(endpoint)", "smtp.tls": "\(implicitTLS ? "implicit" : "none yet")"])
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch {
            throw SMTPConnection.classify(error, phase: "connect to \(endpoint)", endpoint: endpoint, verifyCertificates: configuration.verifyCertificates)
        }
        do {
            let handler = try await channel.eventLoop.submit {
                NIOLoopBound(try channel.pipeline.syncOperations.handler(type: SMTPChannelHandler.self), eventLoop: channel.eventLoop)
            }.get()
            return SMTPConnection(channel: channel, handler: handler, endpoint: endpoint, logger: logger, verifyCertificates: configuration.verifyCertificates)
        } catch {
            channel.close(promise: nil)
            throw .transient(code: nil, message: "connect to \(endpoint): connection closed before it was set up (\(error))")
        }
    }

    // MARK: - Reading and writing

    func readReply(phase: String, timeout: Duration) async throws(SMTPError) -> SMTPReply {
        let handler = self.handler
        let reply: SMTPReply
        do {
            reply = try await channel.eventLoop.flatSubmit {
                handler.value.nextReply(timeout: TimeAmount(timeout))
            }.get()
        } catch {
            throw classify(error, phase: phase)
        }
        logger.trace("S: \(reply)", metadata: ["smtp.server": "\(endpoint)"])
        return reply
    }

    /// Sends one command line (CRLF appended). `logAs` replaces the line in logs (for AUTH).
    func send(_ line: String, logAs: String? = nil, phase: String, timeout: Duration) async throws(SMTPError) {
        logger.debug("C: \(logAs ?? line)", metadata: ["smtp.server": "\(endpoint)"])
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line)
        buffer.writeStaticString("\r\n")
        try await write(buffer, phase: phase, timeout: timeout)
    }

    /// Sends several command lines in one write (RFC 2920 pipelining).
    func send(lines: [String], phase: String, timeout: Duration) async throws(SMTPError) {
        for line in lines { logger.debug("C: \(line)", metadata: ["smtp.server": "\(endpoint)"]) }
        var buffer = channel.allocator.buffer(capacity: lines.reduce(0) { $0 + $1.utf8.count + 2 })
        for line in lines {
            buffer.writeString(line)
            buffer.writeStaticString("\r\n")
        }
        try await write(buffer, phase: phase, timeout: timeout)
    }

    func send(bytes: [UInt8], phase: String, timeout: Duration) async throws(SMTPError) {
        logger.debug("C: <\(bytes.count) bytes of message data>", metadata: ["smtp.server": "\(endpoint)"])
        try await write(channel.allocator.buffer(bytes: bytes), phase: phase, timeout: timeout)
    }

    /// Sends a command and reads its reply.
    func command(_ line: String, logAs: String? = nil, phase: String? = nil, timeout: Duration) async throws(SMTPError) -> SMTPReply {
        let phase = phase ?? line
        try await send(line, logAs: logAs, phase: phase, timeout: timeout)
        return try await readReply(phase: phase, timeout: timeout)
    }

    private func write(_ buffer: ByteBuffer, phase: String, timeout: Duration) async throws(SMTPError) {
        let handler = self.handler
        do {
            try await channel.eventLoop.flatSubmit {
                handler.value.write(buffer, timeout: TimeAmount(timeout))
            }.get()
        } catch {
            throw classify(error, phase: phase)
        }
    }

    // MARK: - TLS

    /// Puts TLS under the SMTP handler after the server's 220 to STARTTLS. Fails when the server had already
    /// sent more (those bytes came in plaintext and must not be read as if protected).
    func startTLS(context: NIOSSLContext, host: String) async throws(SMTPError) {
        let handler = self.handler
        let channel = self.channel
        let serverHostname = Self.sniHostname(host)
        do {
            try await channel.eventLoop.submit {
                guard !handler.value.hasUnreadInput else {
                    throw SMTPConnectionFailure.protocolViolation("the server sent data after its 220 to STARTTLS, before the TLS handshake (refusing: it could be injected)")
                }
                let tls = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                try channel.pipeline.syncOperations.addHandler(tls, position: .first)
            }.get()
        } catch {
            throw classify(error, phase: "STARTTLS")
        }
        logger.debug("TLS started", metadata: ["smtp.server": "\(endpoint)"])
    }

    // MARK: - Ending

    /// True when the connection broke (closed, timed out, I/O or protocol error): no QUIT is possible.
    func isBroken() async -> Bool {
        let handler = self.handler
        return (try? await channel.eventLoop.submit { handler.value.failure != nil }.get()) ?? true
    }

    /// Says QUIT when the connection is still sound (waiting briefly for the 221), then closes.
    func quitAndClose(timeout: Duration) async {
        if await !isBroken() {
            let shortTimeout = min(timeout, .seconds(5))
            do {
                _ = try await command("QUIT", timeout: shortTimeout)
            } catch {
                logger.debug("QUIT failed (ignored): \(error.message)", metadata: ["smtp.server": "\(endpoint)"])
            }
        }
        await close()
    }

    /// Closes the channel and waits for it to be closed; never throws.
    func close() async {
        do {
            try await channel.close().get()
        } catch {
            // Already closed (by the server after QUIT, or by a timeout): nothing left to release.
        }
        _ = try? await channel.closeFuture.get()
    }

    // MARK: - Errors

    func classify(_ error: any Error, phase: String) -> SMTPError {
        Self.classify(error, phase: phase, endpoint: endpoint, verifyCertificates: verifyCertificates)
    }

    /// Turns a channel failure into a transient `SMTPError` that says what happened where.
    static func classify(_ error: any Error, phase: String, endpoint: String, verifyCertificates: Bool) -> SMTPError {
        if let error = error as? SMTPError { return error }
        if Task.isCancelled {
            return .transient(code: nil, message: "\(phase): cancelled")
        }
        let failure = error as? SMTPConnectionFailure ?? .io(error)
        switch failure {
        case .closed:
            return .transient(code: nil, message: "\(phase): connection closed by \(endpoint)")
        case .timeout:
            return .transient(code: nil, message: "\(phase): timed out waiting for \(endpoint)")
        case .protocolViolation(let reason):
            return .transient(code: nil, message: "\(phase): protocol error from \(endpoint): \(reason)")
        case .io(let error):
            return .transient(code: nil, message: "\(phase): \(describe(error, endpoint: endpoint, verifyCertificates: verifyCertificates))")
        }
    }

    static func describe(_ error: any Error, endpoint: String, verifyCertificates: Bool) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first {
                return describe(first.error, endpoint: endpoint, verifyCertificates: verifyCertificates)
            }
            if let dnsError = error.dnsAError ?? error.dnsAAAAError {
                return "DNS lookup of \(error.host) failed (\(dnsError))"
            }
            return "DNS lookup of \(error.host) found no address"
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused by \(endpoint) (is the server listening?)"
            case ECONNRESET: return "connection reset by \(endpoint)"
            case ETIMEDOUT: return "connection to \(endpoint) timed out"
            case EHOSTUNREACH, ENETUNREACH: return "\(endpoint) is unreachable"
            default: return "\(error)"
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout(let amount):
                return "connecting to \(endpoint) timed out after \(Duration(amount))"
            case .ioOnClosedChannel, .alreadyClosed, .eof:
                return "connection closed by \(endpoint)"
            default:
                return "\(error)"
            }
        case let error as NIOSSLError:
            if case .uncleanShutdown = error { return "connection closed by \(endpoint) (TLS unclean shutdown)" }
            return "TLS handshake with \(endpoint) failed: \(tlsReasons(error))\(certificateHint(error, verifyCertificates: verifyCertificates))"
        case is BoringSSLError, is NIOSSLExtraError:
            return "TLS with \(endpoint) failed: \(tlsReasons(error))\(certificateHint(error, verifyCertificates: verifyCertificates))"
        default:
            return "\(error)"
        }
    }

    /// BoringSSL's reason names (`CERTIFICATE_VERIFY_FAILED`) without its source paths, else the error.
    static func tlsReasons(_ error: any Error) -> String {
        let text = "\(error)"
        let reasons = text.matches(of: #/error:[0-9A-Fa-f]+:[^:]*:[^:]*:([A-Za-z0-9_]+)/#).map { String($0.output.1) }
        return reasons.isEmpty ? text : reasons.joined(separator: ", ")
    }

    private static func certificateHint(_ error: any Error, verifyCertificates: Bool) -> String {
        let text = "\(error)".uppercased()
        guard verifyCertificates, text.contains("CERTIFICATE") else { return "" }
        return " (the server's certificate was not accepted; for a self-signed relay add tls_ca=/path/to/ca.pem or tls_verify=false to SMTP_URL)"
    }

    // MARK: - Names

    static func endpoint(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// SNI must be a host name: nil for IP literals.
    static func sniHostname(_ host: String) -> String? {
        if host.contains(":") { return nil }
        if host.split(separator: ".").count == 4, host.split(separator: ".").allSatisfy({ UInt8($0) != nil }) {
            return nil
        }
        return host
    }
}
