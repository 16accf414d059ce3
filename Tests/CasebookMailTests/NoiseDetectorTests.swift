import Testing

@testable import CasebookMail

@Suite struct NoiseDetectorTests {
    static func message(_ fields: [(String, String)] = [], subject: String = "Printer jammed",
                        from: String = "rex@example.org", contentType: String = "text/plain",
                        attachments: [MailAttachment] = []) -> ParsedMessage {
        ParsedMessage(headers: MailHeaders(fields.map { MailHeaders.Field(name: $0.0, value: $0.1) }),
                      from: [MailAddress(name: "Rex", address: from)], to: [MailAddress(address: "support@example.com")],
                      subject: subject, textBody: "Hello", attachments: attachments, contentType: contentType)
    }

    @Test func ordinaryMailIsClean() {
        let gmail = Self.message([
            ("Return-Path", "<rex@example.org>"), ("Received", "from mail.example.org by mx.example.com"),
            ("DKIM-Signature", "v=1; a=rsa-sha256; d=example.org"), ("MIME-Version", "1.0"),
            ("From", "Rex <rex@example.org>"), ("Date", "Tue, 5 Mar 2024 14:03:09 +0100"),
            ("Message-ID", "<CA+abc@mail.gmail.com>"), ("Subject", "Printer jammed"), ("To", "support@example.com"),
            ("Content-Type", "multipart/alternative; boundary=\"000000\""),
            ("Auto-Submitted", "no"), ("X-Autoreply", "no"), ("Precedence", "first-class"),
            ("X-Auto-Response-Suppress", "none"),
        ], contentType: "multipart/alternative")
        let result = NoiseDetector.classify(gmail)
        #expect(result == MailClassification())
        #expect(!result.suppressesNotifications)
        #expect(result.isClean)
        #expect(NoiseDetector.classify(ParsedMessage()).isClean)
        // Subjects that merely mention the words.
        #expect(NoiseDetector.classify(Self.message(subject: "Re: our out of office policy")).isClean)
        #expect(NoiseDetector.classify(Self.message(subject: "Question about undeliverable parcels")).isClean)
        #expect(NoiseDetector.classify(Self.message(from: "postmaster.jones@example.org")).isClean)
    }

    @Test(arguments: [
        ([("Auto-Submitted", "auto-replied")], "Auto-Submitted: auto-replied"),
        ([("Auto-Submitted", "Auto-Generated; owner-email=\"x@y\"")], "Auto-Submitted: auto-generated"),
        ([("X-Autoreply", "yes")], "X-Autoreply: yes"),
        ([("X-Autorespond", "Automatic reply")], "X-Autorespond: Automatic reply"),
        ([("X-Auto-Response-Suppress", "All")], "X-Auto-Response-Suppress: All"),
        ([("X-Auto-Response-Suppress", "DR, RN, NRN, OOF, AutoReply")], "X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply"),
        ([("Precedence", "auto_reply")], "Precedence: auto_reply"),
    ] as [([(String, String)], String)])
    func autoReplyHeaders(fields: [(String, String)], reason: String) {
        let result = NoiseDetector.classify(Self.message(fields))
        #expect(result.isAutoReply)
        #expect(!result.isBounce && !result.isBulk)
        #expect(result.reasons == [reason])
        #expect(result.suppressesNotifications)
    }

    @Test(arguments: [
        ([("Precedence", "bulk")], ["Precedence: bulk"]),
        ([("Precedence", "junk")], ["Precedence: junk"]),
        ([("Precedence", "list")], ["Precedence: list"]),
        ([("List-Id", "Announcements <announce.example.org>")], ["List-Id: Announcements <announce.example.org>"]),
        ([("List-Unsubscribe", "<mailto:unsub@example.org>")], ["List-Unsubscribe"]),
    ] as [([(String, String)], [String])])
    func bulkHeaders(fields: [(String, String)], reasons: [String]) {
        let result = NoiseDetector.classify(Self.message(fields))
        #expect(result.isBulk)
        #expect(!result.isAutoReply && !result.isBounce)
        #expect(result.reasons == reasons)
    }

    @Test func trustedListsAreNotBulk() {
        let viaGroup = Self.message([("List-Id", "<support.example.com>"), ("Precedence", "list"),
                                     ("Mailing-list", "list support@example.com"),
                                     ("List-Unsubscribe", "<mailto:googlegroups-manage+1+unsubscribe@googlegroups.com>")])
        #expect(NoiseDetector.classify(viaGroup, trustedListIDs: ["support.example.com"]).isClean)
        #expect(NoiseDetector.classify(viaGroup).isBulk)
        let newsletter = Self.message([("List-Id", "<news.vendor.example>"), ("Precedence", "bulk")])
        #expect(NoiseDetector.classify(newsletter, trustedListIDs: ["support.example.com"]).isBulk)
    }

    @Test func deliveryStatusReports() {
        let dsn = Self.message([("Content-Type", "multipart/report; report-type=delivery-status;\r\n boundary=\"x\"")],
                               subject: "Returned mail: see transcript for details", contentType: "multipart/report")
        let result = NoiseDetector.classify(dsn)
        #expect(result.isBounce && !result.isAutoReply)
        #expect(result.reasons == ["multipart/report; report-type=delivery-status", "Subject: returned mail:"])
        let quoted = Self.message([("Content-Type", "multipart/report; boundary=x; report-type=\"Delivery-Status\"")],
                                  subject: "x", contentType: "multipart/report")
        #expect(NoiseDetector.classify(quoted).reasons == ["multipart/report; report-type=delivery-status"])
    }

    @Test func deliveryStatusPart() {
        let part = MailAttachment(filename: "details.txt", contentType: "message/delivery-status", data: [])
        let result = NoiseDetector.classify(Self.message(subject: "Hi", contentType: "multipart/mixed", attachments: [part]))
        #expect(result == MailClassification(isBounce: true, reasons: ["message/delivery-status part"]))
    }

    @Test func readReceiptsAreAutomatic() {
        let mdn = Self.message([("Content-Type", "multipart/report; report-type=disposition-notification; boundary=x")],
                               subject: "Read: Printer", contentType: "multipart/report")
        let result = NoiseDetector.classify(mdn)
        #expect(result.isAutoReply && !result.isBounce)
    }

    @Test(arguments: ["MAILER-DAEMON@mx.example.org", "postmaster@example.org", "Mailer-Daemon@googlemail.com"])
    func bounceSenders(sender: String) {
        let result = NoiseDetector.classify(Self.message(subject: "Hi", from: sender))
        #expect(result == MailClassification(isBounce: true, reasons: ["From: \(sender)"]))
    }

    @Test func nullReturnPath() {
        let bare = NoiseDetector.classify(Self.message([("Return-Path", "<>")]))
        #expect(bare == MailClassification(isBounce: true, reasons: ["Return-Path: <>"]))
        // A vacation reply sent with an empty envelope sender is an auto-reply, not a bounce.
        let vacation = NoiseDetector.classify(Self.message([("Return-Path", "<>"), ("Auto-Submitted", "auto-replied")]))
        #expect(vacation == MailClassification(isAutoReply: true, reasons: ["Auto-Submitted: auto-replied", "Return-Path: <>"]))
    }

    @Test func failedRecipientsHeader() {
        let result = NoiseDetector.classify(Self.message([("X-Failed-Recipients", "gone@example.org")], subject: "Hi"))
        #expect(result == MailClassification(isBounce: true, reasons: ["X-Failed-Recipients: gone@example.org"]))
    }

    @Test(arguments: ["Undeliverable: Re: [#123] Printer", "Delivery Status Notification (Failure)",
                      "Mail delivery failed: returning message to sender", "Returned mail: User unknown",
                      "Undelivered Mail Returned to Sender", "Unzustellbar: AW: Drucker", "failure notice"])
    func bounceSubjects(subject: String) {
        let result = NoiseDetector.classify(Self.message(subject: subject))
        #expect(result.isBounce && !result.isAutoReply && !result.isBulk)
        #expect(result.reasons.count == 1 && result.reasons[0].hasPrefix("Subject: "))
    }

    @Test(arguments: ["Out of Office: Printer", "Automatic reply: [#123] Printer", "Autosvar: Skrivare",
                      "Abwesenheitsnotiz: Drucker", "Réponse automatique : Imprimante", "AutoReply: x",
                      "Automatische Antwort: Drucker", "Respuesta automática: Impresora"])
    func outOfOfficeSubjects(subject: String) {
        let result = NoiseDetector.classify(Self.message(subject: subject))
        #expect(result.isAutoReply && !result.isBounce && !result.isBulk)
        #expect(result.reasons.count == 1 && result.reasons[0].hasPrefix("Subject: "))
    }

    @Test func exchangeOutOfOffice() {
        let oof = Self.message([("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"),
                                ("Return-Path", "<>")], subject: "Automatic reply: Printer")
        let result = NoiseDetector.classify(oof)
        #expect(result.isAutoReply && !result.isBounce)
        #expect(result.reasons == ["Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All",
                                   "Subject: automatic reply", "Return-Path: <>"])
    }
}
