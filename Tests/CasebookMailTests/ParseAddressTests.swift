import Foundation
import Testing
@testable import CasebookMail

@Suite("Address lists, message ids, dates")
struct ParseAddressTests {
    func pairs(_ value: String) -> [String] {
        AddressList.parse(value).map { a in a.name.map { "\($0) <\(a.address)>" } ?? a.address }
    }

    @Test("name-addr, addr-spec, quoted names with escapes and commas")
    func basics() {
        #expect(pairs("Rex Harmon <rex@example.com>") == ["Rex Harmon <rex@example.com>"])
        #expect(pairs("rex@example.com") == ["rex@example.com"])
        #expect(pairs("<rex@example.com>") == ["rex@example.com"])
        #expect(pairs("\"Harmon, Rex\" <rex@example.com>, amy@example.org") == ["Harmon, Rex <rex@example.com>", "amy@example.org"])
        #expect(pairs("\"Rex \\\"T-Rex\\\" Harmon\" <rex@example.com>") == ["Rex \"T-Rex\" Harmon <rex@example.com>"])
        #expect(pairs("  John    Q.   Public  <jqp@example.com>") == ["John Q. Public <jqp@example.com>"])
        #expect(pairs("\"  spaced  \" <s@example.com>") == ["spaced <s@example.com>"])
        #expect(pairs("\"\" <empty@example.com>") == ["empty@example.com"])
    }

    @Test("Comments are ignored everywhere, also as names (as in Python's email)")
    func comments() {
        #expect(pairs("bbb@ddd.com (John X. Doe)") == ["bbb@ddd.com"])
        #expect(pairs("John (the (nested) man) Doe <jd@example.com>") == ["John Doe <jd@example.com>"])
        #expect(pairs("(lead) jd@example.com") == ["jd@example.com"])
        #expect(pairs("jd(c)@(d)example.com") == ["jd@example.com"])
    }

    @Test("Groups are flattened; empty groups yield nothing")
    func groups() {
        #expect(pairs("Team: a@example.com, \"B\" <b@example.com>;, c@example.com") == ["a@example.com", "B <b@example.com>", "c@example.com"])
        #expect(pairs("undisclosed-recipients:;") == [])
        #expect(pairs("IETF-Announce:;") == [])
        #expect(pairs("A: a@x;, B: b@y;") == ["a@x", "b@y"])
    }

    @Test("Encoded-word names, adjacent words joined, encoded words inside quotes")
    func encodedNames() {
        #expect(pairs("=?UTF-8?Q?Ren=C3=A9e_Fa=C3=A7ade?= <renee@example.com>") == ["Renée Façade <renee@example.com>"])
        #expect(pairs("=?utf-8?q?Andr=C3=A9?= =?utf-8?q?_Pirard?= <ap@example.com>") == ["André Pirard <ap@example.com>"])
        #expect(pairs("=?utf-8?q?Jos=C3=A9?= Smith <js@example.com>") == ["José Smith <js@example.com>"])
        #expect(pairs("\"=?iso-8859-1?q?M=FCller?=, Hans\" <hm@example.de>") == ["Müller, Hans <hm@example.de>"])
        #expect(pairs("=?UTF-8?B?5bGx55Sw?= <y@example.jp>") == ["山田 <y@example.jp>"])
        #expect(pairs("=?utf-8?q?with space inside?= <w@example.com>") == ["with space inside <w@example.com>"])
    }

    @Test("Obsolete forms: routes, CFWS around dots, quoted local parts, domain literals")
    func obsolete() {
        #expect(pairs("Rex <@relay1,@relay2:rex@example.com>") == ["Rex <rex@example.com>"])
        #expect(pairs("john . doe @ example . com") == ["john.doe@example.com"])
        #expect(pairs("\"john doe\"@example.com") == ["\"john doe\"@example.com"])
        #expect(pairs("\"weird\\\\\\\"\"@example.com") == ["\"weird\\\\\\\"\"@example.com"])
        #expect(pairs("user@[192.168.0.1]") == ["user@[192.168.0.1]"])
        #expect(pairs("Name <user@[IPv6:::1]>") == ["Name <user@[IPv6:::1]>"])
    }

    @Test("Malformed lists: best effort, never a crash")
    func malformed() {
        #expect(pairs("MAILER DAEMON <>") == ["MAILER DAEMON <>"])
        #expect(pairs("<>") == [])
        #expect(pairs("XX") == ["XX"])
        #expect(pairs("\"Mail Delivery\"") == ["\"Mail Delivery\""])
        #expect(pairs("rex@example.com <rex@example.com>") == ["rex@example.com <rex@example.com>"])
        #expect(pairs("Rex <rex@example.com") == ["Rex <rex@example.com>"])
        #expect(pairs("Rex <rex@example.com, amy@example.org") == ["Rex <rex@example.com>", "amy@example.org"])
        #expect(pairs("a@example.com junk here, b@example.com") == ["a@example.com", "b@example.com"])
        #expect(pairs("attachment; filename=x, b@example.com") == ["attachment", "b@example.com"])
        #expect(pairs(",,, a@b,,") == ["a@b"])
        #expect(pairs("") == [])
        #expect(pairs("\"unterminated <a@b>") == ["\"unterminated <a@b>\""]) // all of it is a quoted local part
        for garbage in ["<<<>>>", "@@@", ":;:;", "\"", "(", "(((", "\\", "=?", "=?utf-8?q?", "<@", "a@", "@b", "<a@>",
                        "[", "a@[", String(repeating: "(", count: 10_000), String(repeating: "<", count: 10_000)] {
            _ = AddressList.parse(garbage)
        }
    }

    @Test("8-bit names: UTF-8, else Windows-1252")
    func eightBit() throws {
        var raw = ParseKit.mail("From: Jürgen <j@example.de>\nTo: Ren")
        raw += [0xE9] + ParseKit.mail(" <r@example.fr>\n\nx")
        let m = try MIMEParser.parse(raw)
        #expect(m.from == [MailAddress(name: "Jürgen", address: "j@example.de")])
        #expect(m.to == [MailAddress(name: "René", address: "r@example.fr")])
    }

    // MARK: Message-IDs

    @Test("Message ids: brackets removed, junk and comments ignored, bare ids tolerated")
    func messageIDs() {
        #expect(MessageIDs.parse("<a@b>") == ["a@b"])
        #expect(MessageIDs.parse("  <a@b> <c@d>\t<e@f>") == ["a@b", "c@d", "e@f"])
        #expect(MessageIDs.parse("<a@b>(comment) <c@d>") == ["a@b", "c@d"])
        #expect(MessageIDs.parse("Your message of \"Mon, 1 Jan\" <a@b>") == ["a@b"])
        #expect(MessageIDs.parse("<folded\r\n @example.com>") == ["folded@example.com"])
        #expect(MessageIDs.parse("a@b") == ["a@b"])
        #expect(MessageIDs.parse("a@b, c@d (comment)") == ["a@b", "c@d"])
        #expect(MessageIDs.parse("<xxxx>") == ["xxxx"])
        #expect(MessageIDs.parse("<a@b") == ["a@b"])
        #expect(MessageIDs.parse("<<a@b>>") == ["a@b"])
        #expect(MessageIDs.parse("<>") == [])
        #expect(MessageIDs.parse("") == [])
    }

    @Test("Message-ID, In-Reply-To, References on the parsed message")
    func idsOnMessage() throws {
        let m = try ParseKit.parsed("""
            Message-ID: <m1@example.com>
            In-Reply-To: <p1@example.com>
            References: <p0@example.com>
             <p1@example.com>

            x
            """)
        #expect(m.messageID == "m1@example.com")
        #expect(m.inReplyTo == ["p1@example.com"])
        #expect(m.references == ["p0@example.com", "p1@example.com"])
    }

    // MARK: Dates

    func epoch(_ s: String) -> Int? { MailDate.parse(s).map { Int($0.timeIntervalSince1970) } }

    @Test("RFC 5322 dates and the obsolete forms")
    func dates() {
        #expect(epoch("Fri, 4 May 2001 14:05:44 -0400") == 988_999_544)
        #expect(epoch("Fri,  4 May 2001 14:05:44 -0400 (EDT)") == 988_999_544)
        #expect(epoch("4 May 2001 14:05:44 -0400") == 988_999_544)
        #expect(epoch("Fri,4 May 2001 14:05:44 -0400") == 988_999_544)
        #expect(epoch("Fri, 4 May 2001 14:05:44 EDT") == 988_999_544)
        #expect(epoch("Fri, 4 May 2001 18:05:44 GMT") == 988_999_544)
        #expect(epoch("Fri, 4 May 2001 18:05:44 UT") == 988_999_544)
        #expect(epoch("Fri, 4 May 2001 18:05:44 Z") == 988_999_544)
        #expect(epoch("Fri, 4 May 2001 18:05:44 -0000") == 988_999_544)  // UTC, zone unknown
        #expect(epoch("Fri, 4 May 2001 18:05:44 A") == 988_999_544)      // military: taken as UTC
        #expect(epoch("Fri, 4 May 2001 18:05:44 CET") == 988_999_544)    // unknown name: UTC
        #expect(epoch("Fri, 4 May 2001 18:05:44") == 988_999_544)        // no zone
        #expect(epoch("Friday, May 4 2001 14:05:44 -0400") == 988_999_544) // month before day
        #expect(epoch("4 May 01 14:05:44 -0400") == 988_999_544)         // two-digit year
        #expect(epoch("4 May 99 14:05 -0400") == 925_841_100)            // 99 → 1999, no seconds
        #expect(epoch("04-May-01 14:05:44 -0400") == 988_999_544)        // RFC 850
        #expect(epoch("4 May 2001 14.05.44 -0400") == 988_999_544)       // dots
        #expect(epoch("01 Jan 2001 00:01+0000") == 978_307_260)          // zone glued to the time
        #expect(epoch("Fri, 4 May 2001 23:35:44 +05:30") == 988_999_544) // +hh:mm (beyond Python)
        #expect(epoch("Fri, 4 May 2001 23:35:44 +0530") == 988_999_544)
        #expect(epoch("Thu, 29 Feb 2024 12:00:00 +0000") == 1_709_208_000)
        #expect(epoch("Thu, 29 Feb 2024\r\n 12:00:00 +0000") == 1_709_208_000) // still folded
    }

    @Test("Impossible or garbage dates are nil")
    func badDates() {
        for bad in ["", "   ", "yesterday", "31 Apr 2001 10:00:00 +0000", "29 Feb 2023 10:00:00 +0000",
                    "1 Jan 2001 25:00:00 +0000", "1 Jan 2001 10:60:00 +0000", "1 Jan 2001 10:00:60 +0000",
                    "1 Jan 2001 10:00:00 +2400", "1 Foo 2001 10:00:00", "1 Jan 2001", "1 Jan 2001 10",
                    "1 Jan 10000 10:00:00", "Fri, 4 May 2001 ,", String(repeating: "1 ", count: 10_000)] {
            #expect(MailDate.parse(bad) == nil, "\(bad.prefix(40))")
        }
    }
}
