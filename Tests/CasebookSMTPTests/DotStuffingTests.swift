import Testing

@testable import CasebookSMTP

struct DotStuffingTests {
    func encode(_ text: String) -> String {
        String(decoding: DotStuffing.encode(Array(text.utf8)), as: UTF8.self)
    }

    @Test func crlfMessageIsTerminated() {
        #expect(encode("Subject: x\r\n\r\nbody\r\n") == "Subject: x\r\n\r\nbody\r\n.\r\n")
    }

    @Test func leadingDotsAreDoubled() {
        #expect(encode(".hidden\r\n") == "..hidden\r\n.\r\n")
        #expect(encode("a\r\n.\r\nb\r\n") == "a\r\n..\r\nb\r\n.\r\n")
        #expect(encode("a\r\n..\r\n") == "a\r\n...\r\n.\r\n")
        // Only at the start of a line.
        #expect(encode("a.b\r\n x.\r\n") == "a.b\r\n x.\r\n.\r\n")
    }

    @Test func bareLineEndsBecomeCRLF() {
        #expect(encode("a\nb\n") == "a\r\nb\r\n.\r\n")
        #expect(encode("a\rb\r") == "a\r\nb\r\n.\r\n")
        #expect(encode("a\n\nb") == "a\r\n\r\nb\r\n.\r\n")
        #expect(encode("a\r\r\nb") == "a\r\n\r\nb\r\n.\r\n")
        #expect(encode("a\n.x") == "a\r\n..x\r\n.\r\n")
    }

    @Test func missingFinalLineEndIsAdded() {
        #expect(encode("body") == "body\r\n.\r\n")
        #expect(encode(".") == "..\r\n.\r\n")
    }

    @Test func emptyMessage() {
        #expect(encode("") == ".\r\n")
    }

    @Test func eightBitBytesPassUntouched() {
        let bytes: [UInt8] = [0xC3, 0xBC, 0x0D, 0x0A, 0x2E, 0xFF, 0x00]
        #expect(DotStuffing.encode(bytes) == [0xC3, 0xBC, 0x0D, 0x0A, 0x2E, 0x2E, 0xFF, 0x00, 0x0D, 0x0A, 0x2E, 0x0D, 0x0A])
        #expect(DotStuffing.containsEightBit(bytes))
        #expect(!DotStuffing.containsEightBit(Array("plain ASCII\r\n".utf8)))
    }

    @Test(arguments: [
        "Subject: a\r\n\r\n.hidden\r\n..\r\n.\r\nend\r\n",
        "x\r\n",
        "\r\n\r\n.\r\n",
        String(repeating: ".line\r\n", count: 50),
    ])
    func roundTripOfCRLFMessages(_ text: String) {
        let message = Array(text.utf8)
        #expect(DotStuffing.decode(DotStuffing.encode(message)) == message)
    }

    @Test func terminatorNeverAppearsInsideTheData() {
        let message = Array("a\r\n.\r\nb\n.\nc\r.\r".utf8)
        let encoded = DotStuffing.encode(message)
        let terminator: [UInt8] = Array("\r\n.\r\n".utf8)
        var positions: [Int] = []
        if encoded.count >= terminator.count {
            for start in 0...(encoded.count - terminator.count) where Array(encoded[start..<start + terminator.count]) == terminator {
                positions.append(start)
            }
        }
        #expect(positions == [encoded.count - terminator.count])
    }
}

struct SMTPEnvelopeTests {
    @Test func addressesAreUnwrapped() throws {
        let envelope = try SMTPEnvelope(from: "\"Desk\" <desk@casebook.test>", to: ["<a@x.test>", " b@x.test ", "Ann <c@x.test>", "A@X.TEST"])
        #expect(envelope.sender == "desk@casebook.test")
        #expect(envelope.recipients.map(\.address) == ["a@x.test", "b@x.test", "c@x.test"])
        #expect(envelope.recipients.map(\.given) == ["<a@x.test>", " b@x.test ", "Ann <c@x.test>"])
    }

    @Test func nullSender() throws {
        #expect(try SMTPEnvelope(from: "<>", to: ["a@x.test"]).sender == "")
        #expect(try SMTPEnvelope(from: "", to: ["a@x.test"]).sender == "")
    }

    @Test func commandInjectionIsRefused() {
        #expect(throws: SMTPError.self) { try SMTPEnvelope(from: "a@x.test>\r\nRCPT TO:<evil@x.test", to: ["b@x.test"]) }
        let envelope = try? SMTPEnvelope(from: "a@x.test", to: ["b@x.test\r\nDATA", "c@x.test"])
        #expect(envelope?.recipients.map(\.address) == ["c@x.test"])
        #expect(envelope?.invalidRecipients.map(\.code) == [501])
        #expect(envelope?.invalidRecipients.first?.message == "address contains a line break (client-side check, not sent)")
    }

    @Test func noUsableRecipientIsPermanent() {
        #expect(throws: SMTPError.permanent(code: 501, message: "RCPT TO: no recipients given (client-side check, nothing sent)")) {
            try SMTPEnvelope(from: "a@x.test", to: [])
        }
        #expect(throws: SMTPError.self) { try SMTPEnvelope(from: "a@x.test", to: ["no-at-sign", "has space@x.test"]) }
    }

    @Test func smtpUTF8IsNeededForNonASCIIAddresses() throws {
        #expect(try SMTPEnvelope(from: "a@x.test", to: ["jürgen@x.test"]).needsSMTPUTF8)
        #expect(try !SMTPEnvelope(from: "a@x.test", to: ["j@x.test"]).needsSMTPUTF8)
    }
}
