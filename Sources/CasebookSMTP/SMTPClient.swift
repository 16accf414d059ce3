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

/// Sends mail to one SMTP server (the relay named by `SMTP_URL`). One connection per `send`.
///
/// The conversation: greeting → EHLO (HELO if EHLO is refused with 5xx) → STARTTLS and EHLO again (per the
/// configuration's policy) → AUTH PLAIN or LOGIN (when the URL has credentials) → MAIL FROM (with `SIZE=`,
/// `BODY=8BITMIME`, `SMTPUTF8` when offered and needed) → RCPT TO for each recipient → DATA → message
/// (line ends normalized to CRLF, dot-stuffed) → QUIT. With PIPELINING, MAIL FROM, every RCPT TO and DATA go
/// out in one write and their replies are read in order.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger
    /// Built once: nil when this configuration never uses TLS (`smtp://…?starttls=never`).
    let tlsContext: Result<NIOSSLContext, SMTPError>?

    public init(
        configuration: SMTPConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        var logger = logger
        logger[metadataKey: "smtp.server"] = "\(SMTPConnection.endpoint(host: configuration.host, port: configuration.port))"
        self.logger = logger
        if configuration.implicitTLS || configuration.startTLS != .never {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.minimumTLSVersion = .tlsv12
            if !configuration.verifyCertificates {
                tls.certificateVerification = .none
                logger.warning("SMTP TLS certificate verification is off (tls_verify=false): the relay's identity is not checked")
            }
            if let caFile = configuration.trustedCAFile {
                tls.additionalTrustRoots = [.file(caFile)]
            }
            do {
                tlsContext = .success(try NIOSSLContext(configuration: tls))
            } catch {
                tlsContext = .failure(.transient(code: nil, message: "TLS setup for \(configuration.host) failed: \(error) (check tls_ca in SMTP_URL)"))
            }
        } else {
            tlsContext = nil
        }
    }

    /// Sends one message.
    ///
    /// - Parameters:
    ///   - from: The envelope sender (`a@b`, `<a@b>` or `"Name" <a@b>`); `""` or `<>` sends a null sender.
    ///   - recipients: Envelope recipients in the same forms; duplicates are sent once.
    ///   - message: A complete RFC 5322 message. Line ends are normalized to CRLF and lines starting with "."
    ///     are dot-stuffed on the wire; the server stores the message as given (with CRLF line ends).
    /// - Returns: Which recipients were accepted and which refused. When at least one recipient is accepted
    ///   the message is sent to those and the refused ones are listed in `rejected` (4xx ones may be retried).
    /// - Throws: `SMTPError` when nothing was delivered: every recipient refused, or any other failure.
    public func send(from: String, to recipients: [String], message: [UInt8]) async throws(SMTPError) -> SMTPDelivery {
        let results = await send(batch: [SMTPOutgoingMessage(from: from, recipients: recipients, message: message)])
        return try results[0].get()
    }

    /// Sends several messages over one connection (RSET between them), in order.
    ///
    /// Returns one result per message, in the same order, each as `send(from:to:message:)` would have
    /// returned or thrown it. A failure that ends the connection (or happens before the first message:
    /// connect, TLS, AUTH) is the result of every message not yet sent; a refusal of one message (its MAIL,
    /// all its RCPTs, its DATA) does not stop the others.
    public func send(batch messages: [SMTPOutgoingMessage]) async -> [Result<SMTPDelivery, SMTPError>] {
        var results = [Result<SMTPDelivery, SMTPError>?](repeating: nil, count: messages.count)
        var prepared: [(index: Int, envelope: SMTPEnvelope, data: [UInt8], eightBit: Bool)] = []
        for (index, message) in messages.enumerated() {
            do throws(SMTPError) {
                let envelope = try SMTPEnvelope(from: message.from, to: message.recipients)
                prepared.append((index, envelope, DotStuffing.encode(message.message), DotStuffing.containsEightBit(message.message)))
            } catch {
                results[index] = .failure(error)
            }
        }
        guard !prepared.isEmpty else { return results.map { $0! } }

        let connection: SMTPConnection
        do throws(SMTPError) {
            connection = try await SMTPConnection.connect(
                configuration: configuration, group: eventLoopGroup, tlsContext: try tlsContextIfImplicit(), logger: logger)
        } catch {
            logger.debug("not delivered: \(error.message)", metadata: ["smtp.permanent": "\(error.isPermanent)"])
            for item in prepared { results[item.index] = .failure(error) }
            return results.map { $0! }
        }
        let channel = connection.channel
        let transactions = prepared
        let outcome: [Int: Result<SMTPDelivery, SMTPError>] = await withTaskCancellationHandler {
            var outcome: [Int: Result<SMTPDelivery, SMTPError>] = [:]
            let session: Session
            do throws(SMTPError) {
                session = try await openSession(connection)
            } catch {
                for item in transactions { outcome[item.index] = .failure(error) }
                return outcome
            }
            for (position, item) in transactions.enumerated() {
                if position > 0 {
                    do throws(SMTPError) {
                        let reply = try await connection.command("RSET", timeout: configuration.timeouts.command)
                        guard reply.isPositiveCompletion else { throw SMTPError.reply(reply, phase: "RSET") }
                    } catch {
                        let notSent = SMTPError.transient(code: error.code, message: "not sent: the connection to \(connection.endpoint) failed after an earlier message (\(error.message))")
                        for rest in transactions[position...] { outcome[rest.index] = .failure(notSent) }
                        break
                    }
                }
                do throws(SMTPError) {
                    outcome[item.index] = .success(
                        try await transaction(connection, session: session, envelope: item.envelope, data: item.data, eightBit: item.eightBit))
                } catch {
                    outcome[item.index] = .failure(error)
                }
            }
            return outcome
        } onCancel: {
            channel.close(promise: nil)
        }
        await connection.quitAndClose(timeout: configuration.timeouts.command)
        for (index, result) in outcome {
            results[index] = result
            switch result {
            case .success(let delivery):
                logger.debug("delivered", metadata: [
                    "smtp.accepted": "\(delivery.accepted.count)", "smtp.rejected": "\(delivery.rejected.count)",
                    "smtp.reply": "\(delivery.serverReply)",
                ])
            case .failure(let error):
                logger.debug("not delivered: \(error.message)", metadata: ["smtp.permanent": "\(error.isPermanent)"])
            }
        }
        return results.map { $0! }
    }

    // MARK: - Session: greeting, EHLO, STARTTLS, AUTH

    struct Session {
        var extensions: SMTPExtensions
        var tlsActive: Bool
    }

    private func tlsContextIfImplicit() throws(SMTPError) -> NIOSSLContext? {
        guard configuration.implicitTLS, let tlsContext else { return nil }
        return try tlsContext.get()
    }

    func openSession(_ connection: SMTPConnection) async throws(SMTPError) -> Session {
        let timeout = configuration.timeouts.command
        let greeting = try await connection.readReply(phase: "greeting", timeout: timeout)
        guard greeting.code == 220 else {
            throw SMTPError.reply(greeting, phase: "greeting from \(connection.endpoint)")
        }
        let name = heloName(connection)
        var tlsActive = configuration.implicitTLS
        var extensions = try await hello(connection, name: name, phase: "EHLO")

        if !tlsActive && configuration.startTLS != .never {
            if extensions.startTLS, let tlsContext {
                let context = try tlsContext.get()
                let reply = try await connection.command("STARTTLS", timeout: timeout)
                if reply.code == 220 {
                    try await connection.startTLS(context: context, host: configuration.host)
                    tlsActive = true
                    extensions = try await hello(connection, name: name, phase: "EHLO after STARTTLS")
                } else if configuration.startTLS == .required {
                    throw SMTPError.reply(reply, phase: "STARTTLS (starttls=required)")
                } else {
                    logger.warning("server refused STARTTLS (\(reply)); continuing without TLS (starttls=opportunistic)")
                }
            } else if configuration.startTLS == .required {
                let offered = extensions.keywords.keys.sorted().joined(separator: " ")
                throw .transient(code: nil, message: "STARTTLS: \(connection.endpoint) does not offer STARTTLS, but SMTP_URL has starttls=required (it offers: \(offered.isEmpty ? "no extensions" : offered))")
            }
        }

        if let credentials = configuration.credentials {
            try await authenticate(connection, credentials: credentials, extensions: extensions, tlsActive: tlsActive)
        }
        return Session(extensions: extensions, tlsActive: tlsActive)
    }

    /// EHLO, or HELO when EHLO is refused with 5xx (a server without ESMTP: no extensions then).
    func hello(_ connection: SMTPConnection, name: String, phase: String) async throws(SMTPError) -> SMTPExtensions {
        let timeout = configuration.timeouts.command
        let reply = try await connection.command("EHLO \(name)", phase: phase, timeout: timeout)
        if reply.isPositiveCompletion { return SMTPExtensions(ehloReply: reply) }
        guard reply.isPermanentNegative else { throw SMTPError.reply(reply, phase: phase) }
        logger.debug("EHLO refused (\(reply)); trying HELO")
        let helo = try await connection.command("HELO \(name)", timeout: timeout)
        guard helo.isPositiveCompletion else {
            throw SMTPError.reply(helo, phase: "HELO (after EHLO got \(reply.code))")
        }
        return SMTPExtensions()
    }

    /// The name for EHLO: configured, else this host's name when fully qualified, else `[local address]`.
    func heloName(_ connection: SMTPConnection) -> String {
        if let name = configuration.heloName { return name }
        var buffer = [CChar](repeating: 0, count: 256)
        if gethostname(&buffer, buffer.count - 1) == 0 {
            let name = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if name.contains("."), !name.hasSuffix("."), SMTPEnvelope.problem(with: "x@" + name, allowEmpty: false) == nil {
                return name
            }
        }
        switch connection.channel.localAddress {
        case .v4(let address)?: return "[\(address.host)]"
        case .v6(let address)?: return "[IPv6:\(address.host)]"
        default: return "localhost"
        }
    }

    func authenticate(
        _ connection: SMTPConnection, credentials: SMTPConfiguration.Credentials, extensions: SMTPExtensions, tlsActive: Bool
    ) async throws(SMTPError) {
        let prefix = SMTPError.authenticationFailedPrefix
        let user = credentials.username.sanitizedForMessage
        guard tlsActive || configuration.plaintextAuthPermitted else {
            throw .transient(code: nil, message: "\(prefix): not sending the password of \(user) to \(connection.endpoint) without TLS (the connection is not encrypted: the server offers no STARTTLS or starttls=never); use smtps:// or starttls=required, or add allow_plaintext_auth=1 for a trusted network")
        }
        let offered = extensions.authMechanisms
        guard let mechanism = SMTPAuthMechanism.choose(offered: offered, forced: configuration.authMechanism) else {
            if offered.isEmpty {
                throw .transient(code: nil, message: "\(prefix): \(connection.endpoint) does not offer AUTH\(tlsActive ? "" : " on an unencrypted connection") but SMTP_URL has credentials for \(user)")
            }
            let wanted = configuration.authMechanism.map { "auth=\($0.rawValue.lowercased())" } ?? "PLAIN or LOGIN"
            throw .transient(code: nil, message: "\(prefix): \(connection.endpoint) offers AUTH \(offered.sorted().joined(separator: " ")), none of \(wanted)")
        }
        let timeout = configuration.timeouts.command
        let phase = "AUTH \(mechanism.rawValue) as \(user)"
        func failure(_ reply: SMTPReply) -> SMTPError {
            let message = "\(prefix): \(phase): \(reply)"
            if reply.isPermanentNegative { return .permanent(code: reply.code, message: message) }
            return .transient(code: reply.code, message: message)
        }
        switch mechanism {
        case .plain:
            let response = SMTPAuthMechanism.plainInitialResponse(username: credentials.username, password: credentials.password)
            var reply = try await connection.command("AUTH PLAIN \(response)", logAs: "AUTH PLAIN <credentials>", phase: phase, timeout: timeout)
            if reply.code == 334 {
                // A server that ignores initial responses asks again with an empty challenge.
                reply = try await connection.command(response, logAs: "<credentials>", phase: phase, timeout: timeout)
            }
            guard reply.code == 235 else {
                if reply.code == 334 { await cancelAuth(connection) }
                throw failure(reply)
            }
        case .login:
            var reply = try await connection.command("AUTH LOGIN", phase: phase, timeout: timeout)
            guard reply.code == 334 else { throw failure(reply) }
            reply = try await connection.command(Base64.encode(credentials.username), logAs: "<user name>", phase: phase, timeout: timeout)
            guard reply.code == 334 else { throw failure(reply) }
            reply = try await connection.command(Base64.encode(credentials.password), logAs: "<password>", phase: phase, timeout: timeout)
            guard reply.code == 235 else {
                if reply.code == 334 { await cancelAuth(connection) }
                throw failure(reply)
            }
        }
        logger.debug("authenticated", metadata: ["smtp.auth": "\(mechanism.rawValue)"])
    }

    /// Ends a SASL exchange the server wants to continue ("*", RFC 4954 §4).
    private func cancelAuth(_ connection: SMTPConnection) async {
        _ = try? await connection.command("*", phase: "AUTH cancel", timeout: configuration.timeouts.command)
    }

    // MARK: - Transaction: MAIL FROM, RCPT TO, DATA

    func transaction(
        _ connection: SMTPConnection, session: Session, envelope: SMTPEnvelope, data: [UInt8], eightBit: Bool
    ) async throws(SMTPError) -> SMTPDelivery {
        let extensions = session.extensions
        let timeout = configuration.timeouts.command
        let mailPhase = "MAIL FROM <\(envelope.sender)>"
        var parameters: [String] = []
        if extensions.size {
            let size = data.count - DotStuffing.terminator.count
            if let limit = extensions.maximumSize, size > limit {
                throw .permanent(code: 552, message: "\(mailPhase): the message (\(size) bytes) is larger than \(connection.endpoint) accepts (SIZE \(limit)) (client-side check, not sent)")
            }
            parameters.append("SIZE=\(size)")
        }
        if eightBit && extensions.eightBitMIME { parameters.append("BODY=8BITMIME") }
        if envelope.needsSMTPUTF8 && extensions.smtpUTF8 { parameters.append("SMTPUTF8") }
        let mailCommand = (["MAIL FROM:<\(envelope.sender)>"] + parameters).joined(separator: " ")
        let rcptCommands = envelope.recipients.map { "RCPT TO:<\($0.address)>" }

        let mailReply: SMTPReply
        var rcptReplies: [SMTPReply] = []
        var dataReply: SMTPReply?
        if extensions.pipelining {
            try await connection.send(lines: [mailCommand] + rcptCommands + ["DATA"], phase: mailPhase, timeout: timeout)
            mailReply = try await connection.readReply(phase: mailPhase, timeout: timeout)
            for recipient in envelope.recipients {
                rcptReplies.append(try await connection.readReply(phase: "RCPT TO <\(recipient.address)>", timeout: timeout))
            }
            dataReply = try await connection.readReply(phase: "DATA", timeout: timeout)
        } else {
            mailReply = try await connection.command(mailCommand, phase: mailPhase, timeout: timeout)
            guard mailReply.isPositiveCompletion else { throw SMTPError.reply(mailReply, phase: mailPhase) }
            for (index, recipient) in envelope.recipients.enumerated() {
                rcptReplies.append(try await connection.command(rcptCommands[index], phase: "RCPT TO <\(recipient.address)>", timeout: timeout))
            }
            if rcptReplies.contains(where: \.isPositiveCompletion) {
                dataReply = try await connection.command("DATA", timeout: timeout)
            }
        }

        guard mailReply.isPositiveCompletion else {
            if dataReply?.code == 354 { await abortData(connection) }
            throw SMTPError.reply(mailReply, phase: mailPhase)
        }
        var accepted: [String] = []
        var rejected: [SMTPRecipientRejection] = []
        for (recipient, reply) in zip(envelope.recipients, rcptReplies) {
            if reply.isPositiveCompletion {
                accepted.append(recipient.given)
            } else {
                rejected.append(.init(recipient: recipient.given, code: reply.code, message: reply.text))
            }
        }
        rejected += envelope.invalidRecipients
        guard !accepted.isEmpty else {
            if dataReply?.code == 354 { await abortData(connection) }
            throw Self.allRejected(rejected)
        }
        guard let dataReply, dataReply.code == 354 else {
            throw SMTPError.reply(dataReply ?? SMTPReply(code: 554, lines: ["no reply"]), phase: "DATA")
        }
        try await connection.send(bytes: data, phase: "sending the message", timeout: configuration.timeouts.data)
        let finalReply = try await connection.readReply(phase: "end of DATA", timeout: configuration.timeouts.data)
        guard finalReply.isPositiveCompletion else {
            throw SMTPError.reply(finalReply, phase: "end of DATA")
        }
        return SMTPDelivery(accepted: accepted, rejected: rejected, serverReply: finalReply.description)
    }

    /// After a pipelined DATA was accepted although the transaction failed: send the empty message the
    /// server now waits for (RFC 2920 §3.1), so the connection can be QUIT cleanly.
    private func abortData(_ connection: SMTPConnection) async {
        do {
            try await connection.send(bytes: DotStuffing.terminator, phase: "DATA abort", timeout: configuration.timeouts.command)
            _ = try await connection.readReply(phase: "DATA abort", timeout: configuration.timeouts.command)
        } catch {
            logger.debug("aborting DATA failed (ignored): \(error.message)")
        }
    }

    /// The error when no recipient was accepted: permanent only when every refusal was permanent.
    static func allRejected(_ rejected: [SMTPRecipientRejection]) -> SMTPError {
        if rejected.count == 1, let only = rejected.first {
            return only.isPermanent
                ? .permanent(code: only.code, message: only.description)
                : .transient(code: only.code, message: only.description)
        }
        let message = "all \(rejected.count) recipients rejected: " + rejected.map(\.description).joined(separator: "; ")
        if let transient = rejected.first(where: { !$0.isPermanent }) {
            return .transient(code: transient.code, message: message)
        }
        return .permanent(code: rejected.first?.code ?? 550, message: message)
    }
}
