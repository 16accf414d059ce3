import Testing

@testable import CasebookMail

@Suite struct ReplyStripperTests {
    static let notification = """
        > ##- Please type your reply above this line -##
        >
        > Your request (123) has been updated. To add a comment, reply to this email.
        >
        > Casebook Support, Mar 5, 14:03
        >
        > Could you tell us which floor the printer is on?
        """

    @Test func markerIsPublic() {
        #expect(ReplyStripper.marker == "##- Please type your reply above this line -##")
    }

    @Test func gmailReplyAboveTheMarker() {
        let text = """
            Thanks, that fixed it!

            Rex

            On Tue, Mar 5, 2024 at 2:03 PM Casebook Support <support+123@example.com> wrote:

            \(Self.notification)
            """
        let result = ReplyStripper.strip(text)
        #expect(result == .init(reply: "Thanks, that fixed it!\n\nRex", removedQuote: true, removedSignature: false))
    }

    @Test func gmailWrappedAttributionWithoutMarker() {
        let text = """
            Sounds good, go ahead.

            On Tue, Mar 5, 2024 at 2:03 PM Rex Harmon from the Facilities Department <
            rex.harmon@example.org> wrote:

            > Can we replace the toner tomorrow?
            >
            > Rex
            """
        #expect(ReplyStripper.strip(text) == .init(reply: "Sounds good, go ahead.", removedQuote: true, removedSignature: false))
    }

    @Test func outlookBlockAboveTheMarker() {
        let text = """
            Hi,

            the printer works now.

            Best regards
            Anna

            From: Casebook Support <support+123@example.com>
            Sent: Tuesday, March 5, 2024 2:03 PM
            To: Anna Schmidt <anna@example.de>
            Subject: [#123] Printer jammed

            ##- Please type your reply above this line -##

            Your request (123) has been updated.
            """
        #expect(ReplyStripper.strip(text).reply == "Hi,\n\nthe printer works now.\n\nBest regards\nAnna")
    }

    @Test func outlookWebWithUnderscoreRule() {
        let text = """
            Works for me.

            ________________________________
            From: Rex Harmon <rex@example.org>
            Sent: Tuesday, March 5, 2024 14:03
            To: Support <support@example.com>
            Subject: Printer

            Original text that Outlook does not quote with >.
            """
        #expect(ReplyStripper.strip(text) == .init(reply: "Works for me.", removedQuote: true, removedSignature: false))
    }

    @Test func germanOutlook() {
        let text = """
            Hallo,

            danke, es funktioniert wieder.

            Mit freundlichen Grüßen
            Anna Schmidt

            Von: Casebook Support <support@example.com>
            Gesendet: Dienstag, 5. März 2024 14:03
            An: Anna Schmidt <anna@example.de>
            Betreff: AW: [#123] Drucker

            Hallo Frau Schmidt,
            """
        #expect(ReplyStripper.strip(text).reply
                == "Hallo,\n\ndanke, es funktioniert wieder.\n\nMit freundlichen Grüßen\nAnna Schmidt")
    }

    @Test func boldLabelsFromHTMLConversion() {
        let text = "Done.\n\n*From:* Rex <rex@example.org>\n*Sent:* Tuesday\n*To:* support@example.com\n*Subject:* Printer\n\nold"
        #expect(ReplyStripper.strip(text).reply == "Done.")
    }

    @Test func classicOriginalMessage() {
        let text = """
            Please close the ticket.

            -----Original Message-----
            From: Support
            Sent: Monday
            Please confirm.
            """
        #expect(ReplyStripper.strip(text).reply == "Please close the ticket.")
        #expect(ReplyStripper.strip("Bitte schließen.\n\n-----Ursprüngliche Nachricht-----\nVon: x").reply == "Bitte schließen.")
    }

    @Test func appleMailFromIPhone() {
        let text = """
            Yes, third floor.

            Sent from my iPhone

            > On 5 Mar 2024, at 14:03, Casebook Support <support+123@example.com> wrote:
            >
            > Which floor?
            """
        #expect(ReplyStripper.strip(text) == .init(reply: "Yes, third floor.", removedQuote: true, removedSignature: true))
    }

    @Test func appleMailUnquotedAttribution() {
        let text = """
            Yes, third floor.

            On 5 Mar 2024, at 14:03, Casebook Support <support+123@example.com> wrote:

            > Which floor?
            """
        #expect(ReplyStripper.strip(text).reply == "Yes, third floor.")
    }

    @Test func thunderbirdEnglishAndGerman() {
        let english = "Fixed.\n\nOn 3/5/24 2:03 PM, Rex Harmon wrote:\n> Printer broken\n> again\n"
        #expect(ReplyStripper.strip(english).reply == "Fixed.")
        let german = "Erledigt.\n\nAm 05.03.24 um 14:03 schrieb Rex Harmon:\n> Drucker kaputt\n"
        #expect(ReplyStripper.strip(german).reply == "Erledigt.")
    }

    @Test func frenchAndSpanishAttributions() {
        let french = "Merci !\n\nLe mar. 5 mars 2024 à 14:03, Rex Harmon <rex@example.org> a écrit\u{00A0}:\n> Bonjour\n"
        #expect(ReplyStripper.strip(french).reply == "Merci !")
        let spanish = "Gracias.\n\nEl mar, 5 mar 2024 a las 14:03, Rex Harmon (<rex@example.org>) escribió:\n> Hola\n"
        #expect(ReplyStripper.strip(spanish).reply == "Gracias.")
        let gmailGerman = "Danke.\n\nRex Harmon <rex@example.org> schrieb am Di., 5. März 2024, 14:03:\n\n> Hallo\n"
        #expect(ReplyStripper.strip(gmailGerman).reply == "Danke.")
    }

    @Test func signatureAndMobileFooters() {
        let signed = "Thanks!\n\n-- \nAnna Schmidt\nACME GmbH\n+49 30 1234567\n"
        #expect(ReplyStripper.strip(signed) == .init(reply: "Thanks!", removedQuote: false, removedSignature: true))
        let lostSpace = "Thanks!\n--\nAnna"
        #expect(ReplyStripper.strip(lostSpace).reply == "Thanks!")
        let outlook = "On my way.\n\nGet Outlook for iOS<https://aka.ms/o0ukef>\n"
        #expect(ReplyStripper.strip(outlook) == .init(reply: "On my way.", removedQuote: false, removedSignature: true))
        let android = "Ok\n\nGet Outlook for Android"
        #expect(ReplyStripper.strip(android).reply == "Ok")
        let german = "Passt.\n\nVon meinem iPhone gesendet"
        #expect(ReplyStripper.strip(german).reply == "Passt.")
        let both = "Passt.\n\n-- \nAnna\n\nSent from my iPad"
        #expect(ReplyStripper.strip(both).reply == "Passt.")
    }

    @Test func inlineAnswersAreKeptOnlyTheTrailingQuoteGoes() {
        let text = """
            On Tue, Mar 5, 2024 at 2:03 PM Rex <rex@example.org> wrote:
            > Does the printer show an error?

            Yes, E-42.

            > Which floor?

            Third floor.

            > Thanks
            > Rex
            """
        let expected = """
            On Tue, Mar 5, 2024 at 2:03 PM Rex <rex@example.org> wrote:
            > Does the printer show an error?

            Yes, E-42.

            > Which floor?

            Third floor.
            """
        #expect(ReplyStripper.strip(text) == .init(reply: expected, removedQuote: true, removedSignature: false))
    }

    @Test func topPostedTextAboveInlineAnswersKeepsTheAnswers() {
        let text = "See my answers below.\n\nOn Tue, Mar 5, 2024, Rex <rex@example.org> wrote:\n> Floor?\nThird.\n"
        #expect(ReplyStripper.strip(text).reply == "See my answers below.\n\nOn Tue, Mar 5, 2024, Rex <rex@example.org> wrote:\n> Floor?\nThird.")
    }

    @Test func bottomPostedUnderTheQuotedMarker() {
        let text = """
            On Tue, Mar 5, 2024 at 2:03 PM Casebook Support <support+123@example.com> wrote:
            \(Self.notification)

            It is on the third floor.

            --\u{20}
            Rex
            """
        #expect(ReplyStripper.strip(text)
                == .init(reply: "It is on the third floor.", removedQuote: true, removedSignature: true))
    }

    @Test func attributionInAnUnknownLanguageAboveTheMarker() {
        let text = "了解しました。\n\n2024年3月5日(火) 14:03 Casebook Support <support+123@example.com>:\n\n\(Self.notification)"
        #expect(ReplyStripper.strip(text).reply == "了解しました。")
    }

    @Test func forwardsAreKept() {
        let gmailForward = """
            FYI, see below.

            ---------- Forwarded message ---------
            From: Vendor <billing@vendor.example>
            Date: Tue, Mar 5, 2024 at 2:03 PM
            Subject: Invoice 42
            To: Rex <rex@example.org>

            Your invoice is attached.
            """
        #expect(ReplyStripper.strip(gmailForward).reply == gmailForward)
        let outlookForward = """
            Please handle this.

            From: Vendor <billing@vendor.example>
            Sent: Tuesday, March 5, 2024 2:03 PM
            To: Rex <rex@example.org>
            Subject: Invoice 42

            Your invoice is attached.
            """
        #expect(ReplyStripper.strip(outlookForward, subject: "FW: Invoice 42").reply == outlookForward)
        #expect(ReplyStripper.strip(outlookForward, subject: "RE: Invoice 42").reply == "Please handle this.")
    }

    @Test func neverReturnsNothing() {
        let startsWithQuote = "From: Vendor <billing@vendor.example>\nSent: Tuesday\nTo: Rex\nSubject: Invoice\n\nPay now."
        #expect(ReplyStripper.strip(startsWithQuote) == .init(reply: startsWithQuote, removedQuote: false, removedSignature: false))
        let onlyQuotes = "> a\n> b"
        #expect(ReplyStripper.strip(onlyQuotes).reply == onlyQuotes)
        let onlyMarker = "\(ReplyStripper.marker)\nYour request was updated."
        #expect(ReplyStripper.strip(onlyMarker).reply == onlyMarker)
        let onlySignature = "-- \nAnna"
        #expect(ReplyStripper.strip(onlySignature).reply == onlySignature)
        #expect(ReplyStripper.strip("") == .init(reply: "", removedQuote: false, removedSignature: false))
        #expect(ReplyStripper.strip("\n\n  \n").reply == "")
    }

    @Test func proseThatLooksLikeAnAttributionStays() {
        let text = "On the display it wrote:\nERROR 42 paper jam\n\nWhat now?"
        #expect(ReplyStripper.strip(text).reply == text)
        let list = "From: the 3rd floor\nTo: the 5th floor\nWe moved the printer."
        #expect(ReplyStripper.strip(list).reply == list)
    }

    @Test func crlfAndCRLineEnds() {
        let text = "Thanks!\r\n\r\nOn Tue, Mar 5, 2024 at 2:03 PM Rex <rex@example.org> wrote:\r\n> hi\r\n"
        #expect(ReplyStripper.strip(text).reply == "Thanks!")
        #expect(ReplyStripper.strip("a\rb\r\r> q").reply == "a\nb")
    }

    @Test func quotedMarkerWithoutDecoration() {
        let text = "Done\n\n> Please type your reply above this line\n> Your request"
        #expect(ReplyStripper.strip(text).reply == "Done")
    }

    @Test func moreClients() {
        let yahoo = "Received, thanks.\n\nOn Tuesday, March 5, 2024, 02:03:09 PM GMT+1, Casebook Support <support@example.com> wrote:\n\n\nYour request"
        #expect(ReplyStripper.strip(yahoo).reply == "Received, thanks.")
        let frenchOutlook = "Merci.\n\nDe : Casebook Support <support@example.com>\nEnvoyé : mardi 5 mars 2024 14:03\nÀ : Anne <anne@example.fr>\nObjet : [#123] Imprimante\n\nBonjour"
        #expect(ReplyStripper.strip(frenchOutlook).reply == "Merci.")
        let dutchOutlook = "Bedankt.\n\nVan: Support <support@example.com>\nVerzonden: dinsdag 5 maart 2024 14:03\nAan: Jan <jan@example.nl>\nOnderwerp: Printer\n\nHallo"
        #expect(ReplyStripper.strip(dutchOutlook).reply == "Bedankt.")
        let macOutlook = "Ok.\n\nFrom: Support <support@example.com>\nDate: Tuesday, 5 March 2024 at 14:03\nTo: Rex <rex@example.org>\nSubject: Printer\n\nHello"
        #expect(ReplyStripper.strip(macOutlook).reply == "Ok.")
        let thunderbirdQuotedMarker = "Solved.\n\nOn 05/03/2024 14:03, Casebook Support wrote:\n> ##- Please type your reply above this line -##\n> text"
        #expect(ReplyStripper.strip(thunderbirdQuotedMarker) == .init(reply: "Solved.", removedQuote: true, removedSignature: false))
    }

    @Test func manyAttributionsStayLinear() {
        let block = "On Tue, Mar 5, 2024 at 2:03 PM Rex <rex@example.org> wrote:\n> question\nanswer\n"
        let text = String(repeating: block, count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(ReplyStripper.strip(text).reply.hasSuffix("answer")) }
        #expect(elapsed < .seconds(5))
    }
}
