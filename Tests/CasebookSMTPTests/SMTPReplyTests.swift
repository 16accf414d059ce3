import Testing

@testable import CasebookSMTP

struct SMTPReplyTests {
    func parse(_ lines: [String]) throws -> [SMTPReply] {
        var parser = SMTPReplyParser()
        var replies: [SMTPReply] = []
        for line in lines {
            if let reply = try parser.feed(line: line) { replies.append(reply) }
        }
        #expect(!parser.isInsideReply)
        return replies
    }

    @Test func singleLine() throws {
        #expect(try parse(["220 mx.example.test ESMTP ready"]) == [SMTPReply(code: 220, lines: ["mx.example.test ESMTP ready"])])
    }

    @Test func multiLineIsOneReply() throws {
        let replies = try parse(["250-mx.example.test", "250-PIPELINING", "250-SIZE 1000", "250 HELP"])
        #expect(replies == [SMTPReply(code: 250, lines: ["mx.example.test", "PIPELINING", "SIZE 1000", "HELP"])])
    }

    @Test func bareCodeAndEmptyText() throws {
        #expect(try parse(["250", "354 "]) == [SMTPReply(code: 250, lines: [""]), SMTPReply(code: 354, lines: [""])])
        #expect(SMTPReply(code: 250, lines: [""]).description == "250")
    }

    @Test func consecutiveRepliesStaySeparate() throws {
        let replies = try parse(["250 2.1.0 ok", "550-5.1.1 no such", "550 5.1.1 user", "354 go ahead"])
        #expect(replies.map(\.code) == [250, 550, 354])
        #expect(replies[1].description == "550 5.1.1 no such 5.1.1 user")
    }

    @Test func partialReplyIsPending() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.feed(line: "250-first") == nil)
        #expect(parser.isInsideReply)
        #expect(try parser.feed(line: "250 last") == SMTPReply(code: 250, lines: ["first", "last"]))
        #expect(!parser.isInsideReply)
    }

    @Test(arguments: ["", "25", "abc hello", "2500 x", "250_x", "099 too low", "600 too high", "25a x"])
    func malformedLinesAreErrors(_ line: String) {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPReplyParseError.self) { try parser.feed(line: line) }
    }

    @Test func classification() {
        #expect(SMTPReply(code: 250, lines: []).isPositiveCompletion)
        #expect(SMTPReply(code: 354, lines: []).isPositiveIntermediate)
        #expect(SMTPReply(code: 451, lines: []).isTransientNegative)
        #expect(SMTPReply(code: 550, lines: []).isPermanentNegative)
        #expect(SMTPError.reply(SMTPReply(code: 550, lines: ["5.1.1 no such user"]), phase: "RCPT TO <x@y>")
            == .permanent(code: 550, message: "RCPT TO <x@y>: 550 5.1.1 no such user"))
        #expect(SMTPError.reply(SMTPReply(code: 421, lines: ["closing"]), phase: "MAIL FROM <a@b>")
            == .transient(code: 421, message: "MAIL FROM <a@b>: 421 closing"))
    }

    @Test func errorDescriptions() {
        let permanent = SMTPError.permanent(code: 550, message: "RCPT TO <x@y>: 550 5.1.1 no such user")
        #expect(permanent.isPermanent)
        #expect(permanent.description == "permanent SMTP failure: RCPT TO <x@y>: 550 5.1.1 no such user")
        let transient = SMTPError.transient(code: nil, message: "connect to a:25: connection refused")
        #expect(!transient.isPermanent)
        #expect(transient.code == nil)
        #expect(transient.description == "temporary SMTP failure: connect to a:25: connection refused")
        #expect(SMTPError.permanent(code: 535, message: "authentication failed: AUTH PLAIN as a: 535 no").isAuthenticationFailure)
        #expect(!permanent.isAuthenticationFailure)
    }

    @Test func allRejectedIsPermanentOnlyWhenEveryRefusalIs() {
        let permanent = SMTPRecipientRejection(recipient: "a@x", code: 550, message: "no")
        let transient = SMTPRecipientRejection(recipient: "b@x", code: 450, message: "busy")
        #expect(SMTPClient.allRejected([permanent]) == .permanent(code: 550, message: "RCPT TO <a@x>: 550 no"))
        #expect(SMTPClient.allRejected([transient]) == .transient(code: 450, message: "RCPT TO <b@x>: 450 busy"))
        #expect(SMTPClient.allRejected([permanent, transient])
            == .transient(code: 450, message: "all 2 recipients rejected: RCPT TO <a@x>: 550 no; RCPT TO <b@x>: 450 busy"))
    }
}

struct SMTPExtensionsTests {
    @Test func parsesKeywordsAndParameters() {
        let reply = SMTPReply(code: 250, lines: [
            "mx.example.test greets you", "PIPELINING", "SIZE 35882577", "8bitmime", "STARTTLS",
            "AUTH PLAIN LOGIN CRAM-MD5", "AUTH=LOGIN", "SMTPUTF8", "ENHANCEDSTATUSCODES",
        ])
        let extensions = SMTPExtensions(ehloReply: reply)
        #expect(extensions.pipelining)
        #expect(extensions.size)
        #expect(extensions.maximumSize == 35_882_577)
        #expect(extensions.eightBitMIME)
        #expect(extensions.startTLS)
        #expect(extensions.smtpUTF8)
        #expect(extensions.authMechanisms == ["PLAIN", "LOGIN", "CRAM-MD5"])
        #expect(extensions.supports("enhancedstatuscodes"))
        // The greeting line is not a keyword.
        #expect(!extensions.supports("MX.EXAMPLE.TEST"))
    }

    @Test func sizeWithoutLimit() {
        #expect(SMTPExtensions(ehloReply: SMTPReply(code: 250, lines: ["mx", "SIZE"])).maximumSize == nil)
        #expect(SMTPExtensions(ehloReply: SMTPReply(code: 250, lines: ["mx", "SIZE 0"])).maximumSize == nil)
        #expect(SMTPExtensions(ehloReply: SMTPReply(code: 250, lines: ["mx", "SIZE 0"])).size)
    }

    @Test func nothingOffered() {
        let extensions = SMTPExtensions(ehloReply: SMTPReply(code: 250, lines: ["mx.example.test"]))
        #expect(!extensions.startTLS && !extensions.pipelining && !extensions.size && extensions.authMechanisms.isEmpty)
    }

    @Test func mechanismChoice() {
        #expect(SMTPAuthMechanism.choose(offered: ["LOGIN", "PLAIN", "CRAM-MD5"], forced: nil) == .plain)
        #expect(SMTPAuthMechanism.choose(offered: ["LOGIN"], forced: nil) == .login)
        #expect(SMTPAuthMechanism.choose(offered: ["CRAM-MD5"], forced: nil) == nil)
        #expect(SMTPAuthMechanism.choose(offered: ["PLAIN", "LOGIN"], forced: .login) == .login)
        #expect(SMTPAuthMechanism.choose(offered: ["PLAIN"], forced: .login) == nil)
    }

    @Test func saslEncodings() {
        // RFC 4648 test vectors.
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(Base64.encode(plain) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base64.decode("not base64!") == nil)
        // RFC 4616: NUL user NUL password.
        #expect(SMTPAuthMechanism.plainInitialResponse(username: "tim", password: "tanstaaftanstaaf") == "AHRpbQB0YW5zdGFhZnRhbnN0YWFm")
        #expect(Base64.decode(SMTPAuthMechanism.plainInitialResponse(username: "ü", password: "p")) == [0, 0xC3, 0xBC, 0, 0x70])
    }
}
