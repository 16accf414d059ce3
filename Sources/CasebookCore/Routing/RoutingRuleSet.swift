/// The facts of a new ticket that routing reads.
public struct TicketFacts: Sendable, Equatable {
    public var channel: ViaChannel
    public var requesterID: Int
    public var organizationID: Int?
    /// As stored: normalized by `Tags`.
    public var tags: [String]
    public var priority: TicketPriority
    public var subject: String
    /// The group the ticket already has (set by the form or the API); used when no rule sets one.
    public var groupID: Int?

    public init(channel: ViaChannel, requesterID: Int, organizationID: Int? = nil, tags: [String] = [],
                priority: TicketPriority = .normal, subject: String, groupID: Int? = nil) {
        self.channel = channel
        self.requesterID = requesterID
        self.organizationID = organizationID
        self.tags = tags
        self.priority = priority
        self.subject = subject
        self.groupID = groupID
    }
}

/// The active routing rules, compiled once so that matching a ticket against hundreds of them costs integer
/// compares: channels and priorities become bit masks, tags and subject words become small integer ids, and the
/// ticket's subject is split into words once per ticket rather than once per rule.
///
/// Most rules name something rare (a requester, an organization, a tag, a word), and a rule can only match a ticket
/// that has it. Each such rule is filed under that one thing, so a ticket is tested only against the rules filed
/// under its own requester, organization, tags and words, plus the rules with nothing to file under (channel and
/// priority tests, negations, catch-alls); still in position order, so the first match is the same as testing all.
public struct RoutingRuleSet: Sendable {
    private struct Test: Sendable {
        enum Kind: UInt8, Sendable { case channel, priority, requester, organization, allTags, noTags, anyWord, noWord }
        var kind: Kind
        /// Allowed channels or priorities, one bit each.
        var mask: UInt8 = 0
        /// The requester or organization id, for `is` (`matches`) or `is_not`.
        var id: Int = 0
        var matches = true
        /// Tag or word ids, as a range of `RoutingRuleSet.ids`.
        var idsStart: Int32 = 0
        var idsEnd: Int32 = 0

        /// Integer compares first, list scans last: most rules fail on their cheapest test.
        var cost: Int { kind.rawValue < Kind.allTags.rawValue ? 0 : 1 }
    }

    /// Active rules in the order they run.
    public let rules: [RoutingRule]
    /// Rule `i`'s tests are `tests[testRanges[i]]`, all rules' tests in one flat array of plain values.
    private let testRanges: [Range<Int>]
    private let tests: [Test]
    private let ids: [Int32]
    private let tagIDs: [String: Int32]
    private let wordIDs: [String: Int32]
    /// Rule indexes, ascending, filed under the one thing each rule requires.
    private let byRequester: [Int: [Int32]]
    private let byOrganization: [Int: [Int32]]
    private let byTag: [[Int32]]
    private let byWord: [[Int32]]
    /// Rules that require nothing rare, tested for every ticket.
    private let unfiled: [Int32]
    /// Rules left out because they no longer validate (stored before a rule changed). One bad rule must not stop
    /// routing for every ticket; the admin page lists these ids instead.
    public let invalidRuleIDs: [Int]

    /// Inactive rules are dropped; the rest run by position, then id, so equal positions still have one order.
    public init(rules: [RoutingRule]) {
        var tagIDs: [String: Int32] = [:]
        var wordIDs: [String: Int32] = [:]
        var ids: [Int32] = []
        func intern(_ words: [String], into table: inout [String: Int32], as kind: Test.Kind, matches: Bool = true) -> Test {
            let start = Int32(ids.count)
            for word in words {
                let id = table[word] ?? Int32(table.count)
                table[word] = id
                ids.append(id)
            }
            return Test(kind: kind, matches: matches, idsStart: start, idsEnd: Int32(ids.count))
        }
        var kept: [RoutingRule] = []
        var tests: [Test] = []
        var testRanges: [Range<Int>] = []
        var invalid: [Int] = []
        for var rule in rules.sorted(by: { ($0.position, $0.id) < ($1.position, $1.id) }) where rule.active {
            var ruleTests: [Test] = []
            let idsBefore = ids.count
            do throws(RoutingCondition.Invalid) {
                for condition in rule.conditions {
                    let test: Test = switch try condition.parsed() {
                    case .channel(let channels): Test(kind: .channel, mask: channels.reduce(0) { $0 | $1.bit })
                    case .priority(let priorities): Test(kind: .priority, mask: priorities.reduce(0) { $0 | $1.bit })
                    case .requester(let id, let matches): Test(kind: .requester, id: id, matches: matches)
                    case .organization(let id, let matches): Test(kind: .organization, id: id, matches: matches)
                    case .tags(let tags, let includes): intern(tags, into: &tagIDs, as: includes ? .allTags : .noTags)
                    case .subject(let words, let contains): intern(words, into: &wordIDs, as: contains ? .anyWord : .noWord)
                    }
                    ruleTests.append(test)
                }
            } catch {
                ids.removeSubrange(idsBefore...)
                invalid.append(rule.id)
                continue
            }
            rule.actions.skills = Tags.normalize(rule.actions.skills)
            rule.actions.addTags = Tags.normalize(rule.actions.addTags)
            kept.append(rule)
            let start = tests.count
            tests += ruleTests.sorted { $0.cost < $1.cost }
            testRanges.append(start..<tests.count)
        }
        // File each rule under its most selective required value: a person before an organization before a tag;
        // a word rule under each of its words, since any one of them lets it match.
        var byRequester: [Int: [Int32]] = [:], byOrganization: [Int: [Int32]] = [:]
        var byTag = [[Int32]](repeating: [], count: tagIDs.count)
        var byWord = [[Int32]](repeating: [], count: wordIDs.count)
        var unfiled: [Int32] = []
        for (index, range) in testRanges.enumerated() {
            let rule = Int32(index), ruleTests = tests[range]
            if let test = ruleTests.first(where: { $0.kind == .requester && $0.matches }) {
                byRequester[test.id, default: []].append(rule)
            } else if let test = ruleTests.first(where: { $0.kind == .organization && $0.matches }) {
                byOrganization[test.id, default: []].append(rule)
            } else if let test = ruleTests.first(where: { $0.kind == .allTags }) {
                byTag[Int(ids[Int(test.idsStart)])].append(rule)
            } else if let test = ruleTests.first(where: { $0.kind == .anyWord }) {
                for word in ids[Int(test.idsStart)..<Int(test.idsEnd)] { byWord[Int(word)].append(rule) }
            } else {
                unfiled.append(rule)
            }
        }
        self.byRequester = byRequester
        self.byOrganization = byOrganization
        self.byTag = byTag
        self.byWord = byWord
        self.unfiled = unfiled
        self.rules = kept
        self.testRanges = testRanges
        self.tests = tests
        self.ids = ids
        self.tagIDs = tagIDs
        self.wordIDs = wordIDs
        self.invalidRuleIDs = invalid
    }

    /// The first active rule whose conditions all match, with its skills and tags normalized.
    public func firstMatch(_ facts: TicketFacts) -> RoutingRule? {
        // Words and tags no rule mentions can never decide a match, so they are dropped here; and the ticket's
        // tags and subject are only looked at when some rule asks about them.
        let tags = tagIDs.isEmpty ? [] : facts.tags.compactMap { tagIDs[$0] }
        let words = wordIDs.isEmpty ? [] : FoldedWords.words(in: facts.subject).compactMap { wordIDs[$0] }
        let channel = facts.channel.bit
        let priority = facts.priority.bit
        func holds(_ test: Test) -> Bool {
            switch test.kind {
            case .channel: test.mask & channel != 0
            case .priority: test.mask & priority != 0
            case .requester: (facts.requesterID == test.id) == test.matches
            case .organization: (facts.organizationID == test.id) == test.matches
            case .allTags: ids[Int(test.idsStart)..<Int(test.idsEnd)].allSatisfy(tags.contains)
            case .noTags: !ids[Int(test.idsStart)..<Int(test.idsEnd)].contains(where: tags.contains)
            case .anyWord: ids[Int(test.idsStart)..<Int(test.idsEnd)].contains(where: words.contains)
            case .noWord: !ids[Int(test.idsStart)..<Int(test.idsEnd)].contains(where: words.contains)
            }
        }
        func ruleHolds(_ index: Int32) -> Bool {
            tests[testRanges[Int(index)]].allSatisfy(holds)
        }
        var filed = byRequester[facts.requesterID] ?? []
        if let organizationID = facts.organizationID, let list = byOrganization[organizationID] { filed += list }
        for tag in tags { filed += byTag[Int(tag)] }
        for word in words { filed += byWord[Int(word)] }
        filed.sort()
        // Merge the two ascending lists, testing each rule once, lowest position first.
        var f = 0, u = 0
        while f < filed.count || u < unfiled.count {
            let next: Int32
            if u < unfiled.count, f == filed.count || unfiled[u] < filed[f] {
                next = unfiled[u]
                u += 1
            } else {
                next = filed[f]
                while f < filed.count, filed[f] == next { f += 1 }
            }
            if ruleHolds(next) { return rules[Int(next)] }
        }
        return nil
    }
}

extension ViaChannel {
    fileprivate var bit: UInt8 {
        switch self {
        case .api: 1
        case .web: 2
        case .email: 4
        case .voice: 8
        }
    }
}

extension TicketPriority {
    fileprivate var bit: UInt8 {
        switch self {
        case .low: 1
        case .normal: 2
        case .high: 4
        case .urgent: 8
        }
    }
}
