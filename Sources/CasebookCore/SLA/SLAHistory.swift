/// Something that happened to a ticket that an SLA timer reacts to.
public struct SLAEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The ticket's status became this (the status it was created with is an event at creation).
        case status(TicketStatus)
        /// A public comment by an agent: answers the customer.
        case agentPublicReply
        /// A public comment by the requester or another end-user: the customer is waiting again.
        case requesterComment
        /// An internal note: shows the ticket is being worked on, without answering anyone.
        case agentInternalNote
    }

    public var at: Int64
    public var kind: Kind

    public init(at: Int64, _ kind: Kind) {
        self.at = at
        self.kind = kind
    }
}

/// Just enough of a ticket's history to run its SLA clock, small enough to store in one column and to
/// re-evaluate for every ticket whenever a policy or calendar changes.
public struct SLAHistory: Sendable, Hashable {
    public let createdAt: Int64
    /// In time order; events at the same instant keep the order they were recorded in.
    public let events: [SLAEvent]

    /// Events are put in time order (stably), and an event before creation counts as happening at creation,
    /// because clocks can disagree by a few milliseconds between the app and the database.
    public init(createdAt: Int64, events: [SLAEvent] = []) {
        self.createdAt = createdAt
        var events = events.map { SLAEvent(at: max($0.at, createdAt), $0.kind) }
        if !zip(events, events.dropFirst()).allSatisfy({ $0.at <= $1.at }) {
            events = events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        }
        self.events = events
    }

    private init(createdAt: Int64, ordered events: [SLAEvent]) {
        self.createdAt = createdAt
        self.events = events
    }

    /// The history with one more event, placed after every event at or before its instant.
    public func appending(_ event: SLAEvent) -> SLAHistory {
        let event = SLAEvent(at: max(event.at, createdAt), event.kind)
        var events = events
        if let last = events.last, last.at > event.at {
            events.insert(event, at: events.lastIndex { $0.at <= event.at }.map { $0 + 1 } ?? 0)
        } else {
            events.append(event)
        }
        return SLAHistory(createdAt: createdAt, ordered: events)
    }

    // MARK: Stored form

    /// `c<createdAt>` then one `;`-separated token per event, each time in ms after creation:
    /// `s:<status>@<ms>` status change, `r@<ms>` agent public reply, `q@<ms>` requester comment,
    /// `n@<ms>` internal note. For example `c1700000000000;s:open@0;r@3600000;q@7200000`.
    /// Offsets from creation keep the column short and readable by a person debugging a timer.
    public var encoded: String {
        // Written as bytes: string interpolation per event would cost more than evaluating the ticket.
        var bytes: [UInt8] = [UInt8(ascii: "c")]
        bytes.reserveCapacity(16 + events.count * 16)
        Self.append(createdAt, to: &bytes)
        for event in events {
            switch event.kind {
            case .status(let status):
                bytes.append(contentsOf: Self.statusTokens[status.rank])
            case .agentPublicReply: bytes.append(contentsOf: Self.replyToken)
            case .requesterComment: bytes.append(contentsOf: Self.commentToken)
            case .agentInternalNote: bytes.append(contentsOf: Self.noteToken)
            }
            bytes.append(UInt8(ascii: "@"))
            Self.append(event.at - createdAt, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let statusNames = TicketStatus.allCases.map { (status: $0, name: Array($0.rawValue.utf8)) }
    private static let statusTokens = TicketStatus.allCases.map { Array(";s:\($0.rawValue)".utf8) }
    private static let replyToken = Array(";r".utf8), commentToken = Array(";q".utf8), noteToken = Array(";n".utf8)

    private static func append(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    /// Parses `encoded`; nil for anything else (unknown token, bad number, events out of order), so a damaged
    /// column is noticed rather than half-read.
    public init?(encoded: String) {
        var copy = encoded
        guard let parsed = copy.withUTF8({ Self.parse($0) }) else { return nil }
        self.init(createdAt: parsed.createdAt, ordered: parsed.events)
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> (createdAt: Int64, events: [SLAEvent])? {
        var i = 0
        func number(signed: Bool) -> Int64? {
            var negative = false
            if signed, i < b.count, b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            let start = i
            var n: Int64 = 0
            while i < b.count, (48...57).contains(b[i]) {
                let (times, o1) = n.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(Int64(b[i] - 48))
                guard !o1, !o2 else { return nil }
                n = plus
                i += 1
            }
            // No empty, zero-padded or negative-zero numbers: each value has exactly one spelling.
            guard i > start, i - start == 1 || b[start] != 48, !(negative && n == 0) else { return nil }
            return negative ? -n : n
        }
        func expect(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard expect("c"), let createdAt = number(signed: true) else { return nil }
        var events: [SLAEvent] = []
        events.reserveCapacity(b.count / 8)
        var last: Int64 = 0
        while i < b.count {
            guard expect(";"), i < b.count else { return nil }
            let tag = b[i]
            i += 1
            let kind: SLAEvent.Kind
            switch tag {
            case UInt8(ascii: "r"): kind = .agentPublicReply
            case UInt8(ascii: "q"): kind = .requesterComment
            case UInt8(ascii: "n"): kind = .agentInternalNote
            case UInt8(ascii: "s"):
                guard expect(":") else { return nil }
                let start = i
                while i < b.count, b[i] != UInt8(ascii: "@") { i += 1 }
                guard let status = statusNames.first(where: { $0.name.elementsEqual(b[start..<i]) })?.status else { return nil }
                kind = .status(status)
            default: return nil
            }
            guard expect("@"), let offset = number(signed: false), offset >= last else { return nil }
            let (at, overflow) = createdAt.addingReportingOverflow(offset)
            guard !overflow else { return nil }
            events.append(SLAEvent(at: at, kind))
            last = offset
        }
        return (createdAt, events)
    }
}
