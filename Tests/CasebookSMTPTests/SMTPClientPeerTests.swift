import Foundation
import Logging
import Testing

@testable import CasebookSMTP

/// Against a real SMTP server (aiosmtpd via smtp_peer.py). Serialized: each test starts its own peer, and
/// the machine has two cores.
@Suite(.serialized)
struct SMTPClientPeerTests {
    static let logger: Logger = {
        var logger = Logger(label: "casebook.smtp.test")
        logger.logLevel = ProcessInfo.processInfo.environment["SMTP_TEST_LOG"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
        return logger
    }()

    func client(_ url: String) throws -> SMTPClient {
        SMTPClient(configuration: try SMTPConfiguration(url: url), logger: Self.logger)
    }

    /// What the server should store for `message`: the same bytes with every line end CRLF.
    func normalized(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    static let simpleMessage = """
        From: Desk <desk@casebook.test>\r
        To: Rex <rex@example.test>\r
        Subject: Your case #42\r
        Message-ID: <42@casebook.test>\r
        \r
        Hello Rex,\r
        your case is resolved.\r

        """

    func sendError(_ body: () async throws(SMTPError) -> SMTPDelivery) async -> SMTPError? {
        do {
            let delivery = try await body()
            Issue.record("expected an error, got a delivery: \(delivery)")
            return nil
        } catch {
            return error
        }
    }

    func chunkContaining(_ needle: String, in chunks: [[UInt8]]) -> [UInt8]? {
        chunks.first { String(decoding: $0, as: UTF8.self).contains(needle) }
    }

    // MARK: - Delivery

    @Test func plainDeliveryArrivesByteForByte() async throws {
        try await withPeer { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)?helo=desk.casebook.test")
            let message = Array(Self.simpleMessage.utf8)
            let delivery = try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: message)
            #expect(delivery.accepted == ["rex@example.test"])
            #expect(delivery.rejected.isEmpty)
            #expect(delivery.serverReply == "250 2.0.0 Ok: queued as CASEBOOK1")

            let received = try peer.messages()
            try #require(received.count == 1)
            #expect(received[0].data == message)
            #expect(received[0].mailFrom == "desk@casebook.test")
            #expect(received[0].rcptTos == ["rex@example.test"])
            #expect(received[0].mailOptions == ["SIZE=\(message.count)"])
            #expect(received[0].tls == false)
            #expect(received[0].helo == "desk.casebook.test")
        }
    }

    @Test func dotStuffingRoundTripsAndBareLineFeedsBecomeCRLF() async throws {
        try await withPeer { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            // Bare LF line ends, a line ".hidden", a line that is only ".", and ".." — and no final newline.
            let text = "Subject: dots\n\n.hidden\n.\n..two\nmiddle . dot\n.last"
            let delivery = try await client.send(from: "<desk@casebook.test>", to: ["Rex <rex@example.test>"], message: Array(text.utf8))
            #expect(delivery.accepted == ["Rex <rex@example.test>"])

            let received = try #require(try peer.messages().first)
            #expect(String(decoding: received.data, as: UTF8.self)
                == "Subject: dots\r\n\r\n.hidden\r\n.\r\n..two\r\nmiddle . dot\r\n.last\r\n")
            // On the wire the dots were doubled.
            let wire = try #require(chunkContaining("..hidden", in: received.chunks))
            #expect(String(decoding: wire, as: UTF8.self)
                == "Subject: dots\r\n\r\n..hidden\r\n..\r\n...two\r\nmiddle . dot\r\n..last\r\n.\r\n")
        }
    }

    @Test func eightBitUTF8BodyArrivesIntactWith8BITMIME() async throws {
        try await withPeer { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            let text = "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGrüße aus Köln — 日本語 ✓\r\n"
            let message = Array(text.utf8)
            _ = try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: message)
            let received = try #require(try peer.messages().first)
            #expect(received.data == message)
            #expect(received.mailOptions.contains("BODY=8BITMIME"))
        }
    }

    @Test func nullSenderForBounces() async throws {
        try await withPeer { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            _ = try await client.send(from: "", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            let received = try #require(try peer.messages().first)
            #expect(received.mailFrom == "<>")
        }
    }

    @Test func heloFallbackWhenEHLOIsRefused() async throws {
        try await withPeer(["--no-ehlo"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)?helo=desk.casebook.test")
            let message = Array(Self.simpleMessage.utf8)
            _ = try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: message)
            let received = try #require(try peer.messages().first)
            #expect(received.data == message)
            #expect(received.helo == "desk.casebook.test")
            // No extensions after HELO: no SIZE parameter.
            #expect(received.mailOptions.isEmpty)
        }
    }

    // MARK: - Pipelining

    @Test func pipeliningSendsMailRcptAndDataInOneWrite() async throws {
        try await withPeer(["--pipelining", "--reject", "nobody@example.test"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            let delivery = try await client.send(
                from: "desk@casebook.test", to: ["rex@example.test", "nobody@example.test", "ann@example.test"],
                message: Array(Self.simpleMessage.utf8))
            #expect(delivery.accepted == ["rex@example.test", "ann@example.test"])
            #expect(delivery.rejected.map(\.recipient) == ["nobody@example.test"])
            let received = try #require(try peer.messages().first)
            let chunk = try #require(chunkContaining("MAIL FROM", in: received.chunks))
            let expected = "MAIL FROM:<desk@casebook.test> SIZE=\(Self.simpleMessage.utf8.count)\r\n"
                + "RCPT TO:<rex@example.test>\r\nRCPT TO:<nobody@example.test>\r\nRCPT TO:<ann@example.test>\r\nDATA\r\n"
            #expect(String(decoding: chunk, as: UTF8.self) == expected)
            #expect(received.rcptTos == ["rex@example.test", "ann@example.test"])
        }
    }

    @Test func withoutPipeliningEachCommandWaitsForItsReply() async throws {
        try await withPeer { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            _ = try await client.send(from: "desk@casebook.test", to: ["rex@example.test", "ann@example.test"], message: Array(Self.simpleMessage.utf8))
            let received = try #require(try peer.messages().first)
            let texts = received.chunks.map { String(decoding: $0, as: UTF8.self) }
            #expect(texts.contains("MAIL FROM:<desk@casebook.test> SIZE=\(Self.simpleMessage.utf8.count)\r\n"))
            #expect(texts.contains("RCPT TO:<rex@example.test>\r\n"))
            #expect(texts.contains("RCPT TO:<ann@example.test>\r\n"))
            #expect(texts.contains("DATA\r\n"))
        }
    }

    @Test func pipelinedTransactionWithAllRecipientsRejectedLeavesNothing() async throws {
        try await withPeer(["--pipelining", "--reject", "nobody@example.test"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            let error = await sendError { () async throws(SMTPError) in
                try await client.send(from: "desk@casebook.test", to: ["nobody@example.test"], message: Array(Self.simpleMessage.utf8))
            }
            #expect(error == .permanent(code: 550, message: "RCPT TO <nobody@example.test>: 550 5.1.1 <nobody@example.test>: no such user"))
            #expect(try peer.messages().isEmpty)
        }
    }

    // MARK: - TLS and AUTH

    @Test func startTLSRequiredWithAuthPlainVerifyingTheCertificate() async throws {
        try await withPeer(["--starttls", "--require-starttls", "--auth", "alice:s3cr3t@/?", "--auth-require-tls"]) { peer in
            let ca = try #require(peer.certificatePath)
            let client = try client("smtp://alice:s3cr3t%40%2F%3F@localhost:\(peer.port)?starttls=required&tls_ca=\(ca)")
            let message = Array(Self.simpleMessage.utf8)
            let delivery = try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: message)
            #expect(delivery.accepted == ["rex@example.test"])
            let received = try #require(try peer.messages().first)
            #expect(received.tls)
            #expect(received.authLogin == "alice")
            #expect(received.data == message)
            let attempts = try peer.authAttempts()
            #expect(attempts.map(\.mechanism) == ["PLAIN"])
            #expect(attempts.map(\.success) == [true])
            // Nothing in the clear after STARTTLS: the recorded reads after the upgrade are the TLS-protected ones.
            #expect(chunkContaining("AUTH PLAIN", in: received.chunks) != nil)
        }
    }

    @Test func implicitTLS() async throws {
        try await withPeer(["--implicit-tls", "--auth", "alice:pw"]) { peer in
            let ca = try #require(peer.certificatePath)
            let client = try client("smtps://alice:pw@localhost:\(peer.port)?tls_ca=\(ca)")
            let message = Array(Self.simpleMessage.utf8)
            _ = try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: message)
            let received = try #require(try peer.messages().first)
            #expect(received.tls)
            #expect(received.authLogin == "alice")
            #expect(received.data == message)
        }
    }

    @Test func authLoginWhenOnlyLoginIsOffered() async throws {
        try await withPeer(["--starttls", "--auth", "alice:pw", "--auth-mechanisms", "LOGIN", "--auth-require-tls"]) { peer in
            let client = try client("smtp://alice:pw@127.0.0.1:\(peer.port)?tls_verify=false")
            _ = try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            let attempts = try peer.authAttempts()
            #expect(attempts.map(\.mechanism) == ["LOGIN"])
            #expect(attempts.map(\.success) == [true])
            #expect(try peer.messages().first?.tls == true)
        }
    }

    @Test func authLoginForcedByURL() async throws {
        try await withPeer(["--starttls", "--auth", "alice:pw"]) { peer in
            let client = try client("smtp://alice:pw@127.0.0.1:\(peer.port)?insecure=1&auth=login")
            _ = try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            #expect(try peer.authAttempts().map(\.mechanism) == ["LOGIN"])
        }
    }

    @Test func plaintextAuthToLoopbackWithStartTLSNever() async throws {
        try await withPeer(["--auth", "alice:pw"]) { peer in
            let client = try client("smtp://alice:pw@127.0.0.1:\(peer.port)?starttls=never")
            _ = try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            let received = try #require(try peer.messages().first)
            #expect(received.tls == false)
            #expect(received.authLogin == "alice")
        }
    }

    @Test func wrongPasswordIsAPermanentAuthenticationFailure() async throws {
        try await withPeer(["--starttls", "--auth", "alice:right"]) { peer in
            let client = try client("smtp://alice:wrong@127.0.0.1:\(peer.port)?tls_verify=false")
            let error = try #require(await sendError { () async throws(SMTPError) in
                try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            })
            #expect(error.isPermanent)
            #expect(error.isAuthenticationFailure)
            #expect(error.code == 535)
            #expect(error.message.hasPrefix("authentication failed: AUTH PLAIN as alice: 535"))
            #expect(!error.description.contains("wrong"))
            #expect(try peer.messages().isEmpty)
        }
    }

    @Test func startTLSRequiredButNotOfferedIsAClearError() async throws {
        try await withPeer { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)?starttls=required")
            let error = try #require(await sendError { () async throws(SMTPError) in
                try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            })
            #expect(!error.isPermanent)
            #expect(error.message.contains("does not offer STARTTLS"))
            #expect(error.message.contains("starttls=required"))
            #expect(try peer.messages().isEmpty)
        }
    }

    @Test func selfSignedCertificateIsRefusedWhenVerifying() async throws {
        try await withPeer(["--starttls"]) { peer in
            let client = try client("smtp://localhost:\(peer.port)?starttls=required")
            let error = try #require(await sendError { () async throws(SMTPError) in
                try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            })
            #expect(!error.isPermanent)
            #expect(error.message.contains("TLS handshake with localhost:\(peer.port) failed: CERTIFICATE_VERIFY_FAILED"))
            #expect(error.message.contains("tls_verify=false"))
            #expect(try peer.messages().isEmpty)
        }
    }

    @Test func dataInjectedBeforeTheTLSHandshakeIsRefused() async throws {
        try await withPeer(["--inject-after-starttls"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)?tls_verify=false")
            let error = try #require(await sendError { () async throws(SMTPError) in
                try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            })
            #expect(!error.isPermanent)
            #expect(error.message.hasPrefix("STARTTLS: protocol error from 127.0.0.1:\(peer.port): the server sent data after its 220 to STARTTLS"))
            #expect(try peer.messages().isEmpty)
        }
    }

    // MARK: - Batches

    @Test func batchUsesOneConnectionWithRSETAndKeepsGoingAfterARefusal() async throws {
        try await withPeer(["--pipelining", "--reject", "nobody@example.test"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            let first = Array((Self.simpleMessage + "first\r\n").utf8)
            let third = Array((Self.simpleMessage + ".third\r\n").utf8)
            let results = await client.send(batch: [
                SMTPOutgoingMessage(from: "desk@casebook.test", recipients: ["rex@example.test"], message: first),
                SMTPOutgoingMessage(from: "desk@casebook.test", recipients: ["nobody@example.test"], message: first),
                SMTPOutgoingMessage(from: "desk@casebook.test", recipients: ["bad\r\naddress"], message: first),
                SMTPOutgoingMessage(from: "desk@casebook.test", recipients: ["ann@example.test"], message: third),
            ])
            #expect(results.count == 4)
            #expect((try? results[0].get())?.accepted == ["rex@example.test"])
            #expect(results[1] == .failure(.permanent(code: 550, message: "RCPT TO <nobody@example.test>: 550 5.1.1 <nobody@example.test>: no such user")))
            if case .failure(let error) = results[2] {
                #expect(error.code == 501 && error.isPermanent)
            } else {
                Issue.record("an address with a line break must not be sent")
            }
            #expect((try? results[3].get())?.accepted == ["ann@example.test"])

            let received = try peer.messages()
            try #require(received.count == 2)
            #expect(received[0].data == first)
            #expect(received[1].data == third)
            // The second delivery came over the same connection: one EHLO, then RSETs between messages.
            let reads = received[1].chunks.map { String(decoding: $0, as: UTF8.self) }
            #expect(reads.filter { $0.hasPrefix("EHLO") }.count == 1)
            #expect(reads.filter { $0 == "RSET\r\n" }.count == 2)
        }
    }

    @Test func batchSharesASessionFailure() async throws {
        try await withPeer(["--starttls", "--auth", "alice:right"]) { peer in
            let client = try client("smtp://alice:wrong@127.0.0.1:\(peer.port)?tls_verify=false")
            let message = SMTPOutgoingMessage(from: "desk@casebook.test", recipients: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            let results = await client.send(batch: [message, message])
            for result in results {
                guard case .failure(let error) = result else {
                    Issue.record("expected the authentication failure for every message")
                    continue
                }
                #expect(error.isAuthenticationFailure && error.isPermanent)
            }
            #expect(try peer.authAttempts().count == 1)
        }
    }

    // MARK: - Refusals and failures

    @Test func oneRecipientRefusedOfTwoIsAPartialDelivery() async throws {
        try await withPeer(["--reject", "nobody@example.test"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            let message = Array(Self.simpleMessage.utf8)
            let delivery = try await client.send(from: "desk@casebook.test", to: ["nobody@example.test", "rex@example.test"], message: message)
            #expect(delivery.accepted == ["rex@example.test"])
            #expect(delivery.rejected == [SMTPRecipientRejection(recipient: "nobody@example.test", code: 550, message: "5.1.1 <nobody@example.test>: no such user")])
            #expect(delivery.rejected.first?.isPermanent == true)
            let received = try #require(try peer.messages().first)
            #expect(received.rcptTos == ["rex@example.test"])
            #expect(received.data == message)
        }
    }

    @Test func deferredRecipientIsReportedAsTransient() async throws {
        try await withPeer(["--defer", "busy@example.test"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            let delivery = try await client.send(from: "desk@casebook.test", to: ["rex@example.test", "busy@example.test"], message: Array(Self.simpleMessage.utf8))
            #expect(delivery.accepted == ["rex@example.test"])
            #expect(delivery.rejected.map(\.code) == [450])
            #expect(delivery.rejected.first?.isPermanent == false)
        }
    }

    @Test func allRecipientsRefusedThrowsPermanent() async throws {
        try await withPeer(["--reject", "a@example.test", "--reject", "b@example.test"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            let error = try #require(await sendError { () async throws(SMTPError) in
                try await client.send(from: "desk@casebook.test", to: ["a@example.test", "b@example.test"], message: Array(Self.simpleMessage.utf8))
            })
            #expect(error == .permanent(code: 550, message: "all 2 recipients rejected: RCPT TO <a@example.test>: 550 5.1.1 <a@example.test>: no such user; RCPT TO <b@example.test>: 550 5.1.1 <b@example.test>: no such user"))
            #expect(try peer.messages().isEmpty)
        }
    }

    @Test func data451IsTransient() async throws {
        try await withPeer(["--data-451"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            let error = try #require(await sendError { () async throws(SMTPError) in
                try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            })
            #expect(error == .transient(code: 451, message: "end of DATA: 451 4.3.0 local problem, try again later"))
            #expect(!error.isPermanent)
        }
    }

    @Test func messageOverTheServersSizeLimitIsNotSent() async throws {
        try await withPeer(["--size", "100"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)")
            let message = Array((Self.simpleMessage + String(repeating: "x", count: 200) + "\r\n").utf8)
            let error = try #require(await sendError { () async throws(SMTPError) in
                try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: message)
            })
            #expect(error.isPermanent)
            #expect(error.code == 552)
            #expect(error.message.contains("SIZE 100"))
            #expect(try peer.messages().isEmpty)
        }
    }

    @Test func serverNotListeningIsTransient() async throws {
        // A port that was free a moment ago: nothing listens there.
        let port = try await withPeer { peer in peer.port }
        let client = try client("smtp://127.0.0.1:\(port)")
        let error = try #require(await sendError { () async throws(SMTPError) in
            try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
        })
        #expect(!error.isPermanent)
        #expect(error.code == nil)
        #expect(error.message == "connect to 127.0.0.1:\(port): connection refused by 127.0.0.1:\(port) (is the server listening?)")
    }

    @Test func unknownHostIsTransient() async throws {
        // .invalid never resolves (RFC 2606); no peer needed.
        let client = try client("smtp://no-such-relay.invalid:2525?timeout=10")
        let error = try #require(await sendError { () async throws(SMTPError) in
            try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
        })
        #expect(!error.isPermanent)
        #expect(error.message.hasPrefix("connect to no-such-relay.invalid:2525: DNS lookup of no-such-relay.invalid"), "\(error)")
    }

    @Test func stalledServerTimesOut() async throws {
        try await withPeer(["--stall-data"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)?timeout=1")
            let start = ContinuousClock.now
            let error = try #require(await sendError { () async throws(SMTPError) in
                try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: Array(Self.simpleMessage.utf8))
            })
            #expect(ContinuousClock.now - start < .seconds(10))
            #expect(error == .transient(code: nil, message: "end of DATA: timed out waiting for 127.0.0.1:\(peer.port)"))
        }
    }

    /// Connections to `port` this side has not closed (Linux `/proc/net/tcp`: established, or closed by the peer
    /// only). Counting the process's file descriptors instead is unreliable while other suites run in parallel.
    func unclosedConnections(toPort port: Int) -> Int {
        guard let table = try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8) else { return 0 }
        return table.split(separator: "\n").dropFirst().filter { line in
            let columns = line.split(separator: " ")
            guard columns.count > 3, let remote = columns[2].split(separator: ":").last.flatMap({ Int($0, radix: 16) }) else { return false }
            return remote == port && (columns[3] == "01" || columns[3] == "08")
        }.count
    }

    @Test func sendsLeakNoConnectionsOnAnyPath() async throws {
        try await withPeer(["--pipelining", "--starttls", "--reject", "nobody@example.test"]) { peer in
            let client = try client("smtp://127.0.0.1:\(peer.port)?tls_verify=false")
            let message = Array(Self.simpleMessage.utf8)
            // Warm up (event loop threads, TLS context).
            _ = try await client.send(from: "desk@casebook.test", to: ["rex@example.test"], message: message)
            for index in 0..<5 {
                _ = try await client.send(from: "desk@casebook.test", to: ["rex\(index)@example.test"], message: message)
                _ = try? await client.send(from: "desk@casebook.test", to: ["nobody@example.test"], message: message)
            }
            let refusing = try self.client("smtp://127.0.0.1:1")
            _ = try? await refusing.send(from: "desk@casebook.test", to: ["rex@example.test"], message: message)
            // The peer offers no AUTH: the session fails after STARTTLS, before any transaction.
            let authenticating = try self.client("smtp://alice:pw@127.0.0.1:\(peer.port)?tls_verify=false")
            _ = try? await authenticating.send(from: "desk@casebook.test", to: ["rex@example.test"], message: message)
            var unclosed = unclosedConnections(toPort: Int(peer.port))
            for _ in 0..<40 where unclosed > 0 {
                try await Task.sleep(for: .milliseconds(50))
                unclosed = unclosedConnections(toPort: Int(peer.port))
            }
            #expect(unclosed == 0, "connections to the peer left open")
            #expect(try peer.messages().map(\.rcptTos) == [["rex@example.test"]] + (0..<5).map { ["rex\($0)@example.test"] })
        }
    }
}
