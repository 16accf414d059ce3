import Testing
@testable import CasebookCore

private let day: Int64 = 86_400_000
private let now: Int64 = 1_773_576_000_000

private func contact(_ id: Int, requester: Int = 500, _ subject: String, daysAgo: Double = 0, body: String? = nil,
                     orders: [String] = [], assets: [String] = []) -> ContactFacts {
    ContactFacts(ticketID: id, requesterID: requester, subject: subject, body: body,
                 createdAt: now - Int64(daysAgo * Double(day)), orderRefs: orders, assetRefs: assets)
}

private func detect(_ new: ContactFacts, _ earlier: [ContactFacts], windowDays: Int = 14) -> RepeatContactMatch? {
    RepeatContactDetector.detect(new: new, earlier: earlier, windowDays: windowDays)
}

@Test("the same customer writing again about the same thing is a repeat contact, oldest first")
func repeatFound() {
    let match = detect(contact(10, "Re: Charger not charging the laptop"), [
        contact(7, "Laptop charger broken", daysAgo: 4.5),
        contact(8, "Invoice address", daysAgo: 3),
        contact(5, "My laptop charger stopped", daysAgo: 5),
    ])
    #expect(match == RepeatContactMatch(earlierTicketIDs: [5, 7], contactCount: 3, spanDays: 5))
    #expect(match?.summary == "this customer has contacted us 3 times in 5 days about this")
}

@Test("another requester's ticket on the same subject is not a repeat")
func otherRequester() {
    #expect(detect(contact(10, "Laptop charger broken"), [contact(7, requester: 501, "Laptop charger broken", daysAgo: 1)]) == nil)
}

@Test("a similar ticket older than the window is not counted")
func outsideWindow() {
    let earlier = [contact(7, "Laptop charger broken", daysAgo: 15)]
    #expect(detect(contact(10, "Laptop charger broken"), earlier, windowDays: 14) == nil)
    #expect(detect(contact(10, "Laptop charger broken"), earlier, windowDays: 16)?.earlierTicketIDs == [7])
}

@Test("unrelated subjects are not a repeat")
func unrelated() {
    #expect(detect(contact(10, "Password reset link expired"), [contact(7, "Delivery address change", daysAgo: 1)]) == nil)
}

@Test("subjects sharing only stopwords and helpdesk words are not a repeat")
func stopwordsOnly() {
    #expect(detect(contact(10, "Question about my order please help"),
                   [contact(7, "Urgent problem: question about the invoice", daysAgo: 1),
                    contact(8, "Frage zu meiner Bestellung bitte", daysAgo: 1)]) == nil)
}

@Test("a shared order number makes a repeat even with different words")
func orderReference() {
    let match = detect(contact(10, "Where is my parcel?", body: "Hi, order #10234 has not arrived."), [
        contact(7, "Cancel please", daysAgo: 2, orders: ["10234"]),
        contact(8, "Cancel please", daysAgo: 2, orders: ["99999"]),
    ])
    #expect(match?.earlierTicketIDs == [7])
    #expect(match?.summary == "this customer has contacted us 2 times in 2 days about this")
}

@Test("a shared serial number in the text makes a repeat")
func assetReference() {
    let new = contact(10, "Display flickers", body: "Device SN-XYZ123 again")
    #expect(detect(new, [contact(7, "Sound issue", daysAgo: 1, assets: ["sn-xyz123"])])?.earlierTicketIDs == [7])
}

@Test("German subjects match across umlauts, case and plural")
func germanSubjects() {
    let match = detect(contact(10, "AW: Rücksendung der defekten Kopfhörer"),
                       [contact(7, "Kopfhorer defekt – Rucksendung", daysAgo: 0.2)])
    #expect(match == RepeatContactMatch(earlierTicketIDs: [7], contactCount: 2, spanDays: 1))
    #expect(match?.summary == "this customer has contacted us 2 times in 1 day about this")
}

@Test("one long shared word is enough when a subject is short; one short word is not")
func shortSubjects() {
    #expect(detect(contact(10, "Warranty"), [contact(7, "Warranty claim for my blender", daysAgo: 1)]) != nil)
    #expect(detect(contact(10, "Akku"), [contact(7, "Akku wechseln lassen beim Fahrrad", daysAgo: 1)]) == nil)
    #expect(detect(contact(10, "Blender motor smell and noise"), [contact(7, "Blender lid cracked, spare part", daysAgo: 1)]) == nil)
}

@Test("a shared long number in the subject is a repeat; our own ticket token is not")
func numbersInSubjects() {
    #expect(detect(contact(10, "Status 4471"), [contact(7, "Zahlung 4471 offen", daysAgo: 1)]) != nil)
    #expect(detect(contact(10, "[#12345] Re: Payment"), [contact(7, "[#12345] Shipping label", daysAgo: 1)]) == nil)
}

@Test("references are found after order words, after #, and as serial-like codes; bare numbers are not")
func referencesInText() {
    #expect(RepeatContactDetector.references(in: "order 10234, Bestellung Nr. 55667 and #77881.")
        == ["10234", "55667", "77881"])
    #expect(RepeatContactDetector.references(in: "Serial SN-XYZ123 / model ab1234cd") == ["SN-XYZ123", "AB1234CD"])
    #expect(RepeatContactDetector.references(in: "Call me on 0170 1234567, zip 80331, [#4455] iPhone15") == [])
}

@Test("significant words drop prefixes, tokens, stopwords and short words, and stem lightly")
func significantWords() {
    #expect(RepeatContactDetector.significantWords(in: "Re: Fwd: [#123] The chargers are charging slowly")
        == ["charger", "charg", "slowly"])
    #expect(Set(["charge", "charges", "charging", "charged"].map(RepeatContactDetector.stem)) == ["charg"])
    #expect(RepeatContactDetector.stem("batteries") == RepeatContactDetector.stem("battery"))
    #expect(RepeatContactDetector.stem("boxes") == "box")
    #expect(RepeatContactDetector.stem("shipped") == RepeatContactDetector.stem("ship"))
    #expect(RepeatContactDetector.stem("filled") == RepeatContactDetector.stem("fill"))
    #expect(RepeatContactDetector.stem("rechnungen") == RepeatContactDetector.stem("rechnung"))
}

@Test("terms stored with a ticket read back the same and compare as the text they came from")
func storedTerms() {
    let terms = ContactTerms(subject: "Re: Laptop charger broken again", body: "Order #10234, serial SN-XYZ123")
    #expect(terms.words == ["laptop", "charger", "brok"])
    #expect(terms.refs == ["10234", "SN-XYZ123"])
    #expect(ContactTerms(encoded: terms.encoded) == terms)
    #expect(ContactTerms(encoded: ContactTerms(subject: "", body: nil).encoded) == ContactTerms(words: [], refs: []))
    let earlier = contact(7, "Charger for my laptop", daysAgo: 2)
    let stored = ContactFacts(ticketID: 7, requesterID: 500, createdAt: earlier.createdAt,
                              terms: ContactTerms(encoded: earlier.terms.encoded))
    let new = contact(10, "Laptop charger broken")
    #expect(detect(new, [stored]) == detect(new, [earlier]))
    #expect(detect(new, [stored]) != nil)
}

@Test("references are found whatever the spacing and punctuation around them, including no-break spaces")
func referencesPunctuation() {
    #expect(RepeatContactDetector.references(in: "(order\u{00A0}#10234); RMA: 55667.") == ["10234", "55667"])
    #expect(RepeatContactDetector.references(in: "ORDER\t20001\nnr 1") == ["20001"])
    #expect(RepeatContactDetector.references(in: "Grüße, Bestellung 30003 – danke") == ["30003"])
    #expect(RepeatContactDetector.references(in: "-ab1234- ab-1234x") == ["AB-1234X"])
    #expect(RepeatContactDetector.references(in: "") == [])
}
