import Testing

@testable import CasebookMail

@Suite struct ThreadingKeysTests {
    static let support = ["Support@Example.com", "help@example.org"]

    @Test func referencedIDsPutInReplyToFirstThenReferencesNewestFirst() {
        let message = ParsedMessage(messageID: "self@x", inReplyTo: ["parent@x"],
                                    references: ["root@x", "middle@x", "parent@x", "<self@x>", " <odd@x> "])
        let keys = ThreadingKeys.from(message, supportAddresses: Self.support)
        #expect(keys.referencedIDs == ["parent@x", "odd@x", "middle@x", "root@x"])
        #expect(keys.subjectTicketID == nil)
        #expect(keys.plusAddressTicketID == nil)
    }

    @Test func subjectTokenIsDefinedOnceAndParsedBack() {
        #expect(ThreadingKeys.subjectToken(ticketID: 123) == "[#123]")
        for id in [1, 42, 987_654_321] {
            #expect(ThreadingKeys.subjectTicketID(in: "Re: \(ThreadingKeys.subjectToken(ticketID: id)) Printer") == id)
        }
    }

    @Test(arguments: [
        ("Re: [#123] Printer jammed", 123),
        ("[#7]", 7),
        ("Printer jammed [#123]", 123),
        ("AW: WG: [Casebook #77] Drucker", 77),
        ("[Support#5] x", 5),
        ("[ #9 ] spaced", 9),
        ("[Help Desk - EU #31] x", 31),
        ("Re: [#12] and [#13]", 12),
        ("[list] [#44] after another bracket", 44),
    ] as [(String, Int)])
    func subjectTokens(subject: String, id: Int) {
        #expect(ThreadingKeys.subjectTicketID(in: subject) == id)
        #expect(ThreadingKeys.from(ParsedMessage(subject: subject), supportAddresses: []).subjectTicketID == id)
    }

    @Test(arguments: ["Printer #123 broken", "[#]", "[#abc]", "[#0]", "[#12345678901234567890]", "[JIRA-123]",
                      "[#12", "[Ünterstützung #5]", "[a very long label that is far too long to be ours #5]", ""])
    func notSubjectTokens(subject: String) {
        #expect(ThreadingKeys.subjectTicketID(in: subject) == nil)
    }

    @Test func plusAddressIsCanonical() {
        #expect(ThreadingKeys.plusAddress("support@example.com", ticketID: 123) == "support+123@example.com")
        #expect(ThreadingKeys.plusAddress("desk+casebook@example.com", ticketID: 5) == "desk+casebook+5@example.com")
        let support: Set<String> = ["support@example.com", "desk+casebook@example.com"]
        #expect(ThreadingKeys.ticketID(fromPlusAddress: "support+123@example.com", supportAddresses: support) == 123)
        #expect(ThreadingKeys.ticketID(fromPlusAddress: "SUPPORT+123@EXAMPLE.COM", supportAddresses: support) == 123)
        #expect(ThreadingKeys.ticketID(fromPlusAddress: "desk+casebook+5@example.com", supportAddresses: support) == 5)
        #expect(ThreadingKeys.ticketID(fromPlusAddress: "support+ticket-123@example.com", supportAddresses: support) == nil)
        #expect(ThreadingKeys.ticketID(fromPlusAddress: "support+0@example.com", supportAddresses: support) == nil)
        #expect(ThreadingKeys.ticketID(fromPlusAddress: "other+123@example.com", supportAddresses: support) == nil)
        #expect(ThreadingKeys.ticketID(fromPlusAddress: "support+123@example.net", supportAddresses: support) == nil)
        #expect(ThreadingKeys.ticketID(fromPlusAddress: "support@example.com", supportAddresses: support) == nil)
    }

    @Test func plusAddressFromRecipientsOrDeliveryHeaders() {
        let inTo = ParsedMessage(to: [MailAddress(address: "rex@example.org"), MailAddress(name: "S", address: "support+123@example.com")])
        #expect(ThreadingKeys.from(inTo, supportAddresses: Self.support).plusAddressTicketID == 123)
        let inCc = ParsedMessage(to: [MailAddress(address: "help@example.org")], cc: [MailAddress(address: "Help+9@Example.org")])
        #expect(ThreadingKeys.from(inCc, supportAddresses: Self.support).plusAddressTicketID == 9)
        let bcc = ParsedMessage(headers: MailHeaders([.init(name: "Delivered-To", value: "support+55@example.com"),
                                                      .init(name: "X-Original-To", value: "<support+66@example.com>")]),
                                to: [MailAddress(address: "someone@example.net")])
        #expect(ThreadingKeys.from(bcc, supportAddresses: Self.support).plusAddressTicketID == 55)
        let foreign = ParsedMessage(to: [MailAddress(address: "sales+123@example.com")])
        #expect(ThreadingKeys.from(foreign, supportAddresses: Self.support).plusAddressTicketID == nil)
        #expect(ThreadingKeys.from(inTo, supportAddresses: []).plusAddressTicketID == nil)
    }

    @Test(arguments: [
        ("Re: Printer jammed", "Printer jammed"),
        ("RE: re: Fwd: FW: Printer jammed", "Printer jammed"),
        ("AW: WG: [#123] Drucker  kaputt", "Drucker kaputt"),
        ("SV: VS: Antw: Printer", "Printer"),
        ("Re[2]: RE (3): Printer", "Printer"),
        ("Re: [Casebook #123] Printer [#123]", "Printer"),
        ("[#123] Re: Printer", "Printer"),
        ("TR : RV: Impresora", "Impresora"),
        ("回复：打印机", "打印机"),
        ("Regarding: the printer", "Regarding: the printer"),
        ("Printer: jammed again", "Printer: jammed again"),
        ("Re:", ""),
        ("  Printer  ", "Printer"),
    ] as [(String, String)])
    func baseSubject(subject: String, base: String) {
        #expect(ThreadingKeys.baseSubject(subject) == base)
    }

    @Test func forwardSubjects() {
        #expect(ThreadingKeys.isForwardSubject("Fwd: Invoice"))
        #expect(ThreadingKeys.isForwardSubject("Re: WG: Rechnung"))
        #expect(ThreadingKeys.isForwardSubject("FW: [#12] x"))
        #expect(!ThreadingKeys.isForwardSubject("Re: Invoice"))
        #expect(!ThreadingKeys.isForwardSubject("Forwarding rules question"))
    }
}
