import Foundation

/// What a report gives back, the same for its page, its API answer and its CSV: headline figures, one chart, one
/// table, and the definitions of its numbers in words.
public struct ReportOutput: Sendable, Equatable {
    public struct Figure: Sendable, Equatable {
        public var label: String
        public var value: ReportCell
        public init(_ label: String, _ value: ReportCell) {
            self.label = label
            self.value = value
        }
    }

    public var id: String
    public var title: String
    public var summary: [Figure]
    public var chart: ReportChart
    public var table: ReportTable
    public var definitions: [String]

    public init(id: String, title: String, summary: [Figure], chart: ReportChart, table: ReportTable, definitions: [String]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.chart = chart
        self.table = table
        self.definitions = definitions
    }
}

public struct ReportChart: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Bars side by side per category, one per series.
        case bars
        /// One bar per category, the series stacked.
        case stacked
        /// One line per series across the categories (days).
        case lines
    }

    public struct Series: Sendable, Equatable {
        public var name: String
        public var values: [Double?]
        public init(_ name: String, _ values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var kind: Kind
    public var title: String
    /// What the y axis counts ("tickets", "hours", "%").
    public var unit: String
    public var categories: [String]
    public var series: [Series]

    public init(kind: Kind, title: String, unit: String, categories: [String], series: [Series]) {
        self.kind = kind
        self.title = title
        self.unit = unit
        self.categories = categories
        self.series = series
    }
}

public struct ReportTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var key: String
        public var title: String
        public init(_ key: String, _ title: String) {
            self.key = key
            self.title = title
        }
    }

    public var columns: [Column]
    public var rows: [[ReportCell]]

    public init(columns: [Column], rows: [[ReportCell]]) {
        self.columns = columns
        self.rows = rows
    }

    /// RFC 4180 text with a header row; a cell that a spreadsheet would run as a formula is prefixed with `'`.
    public var csv: String {
        var text = ReportCSV.line(columns.map(\.key))
        for row in rows { text += ReportCSV.line(row.map(\.csv)) }
        return text
    }
}

/// One value of a report, kept typed so the page, the JSON and the CSV each show it in their own way.
public enum ReportCell: Sendable, Equatable {
    case text(String)
    case count(Int)
    /// 0–100, or nil when there is nothing to divide by.
    case percent(Double?)
    /// A duration in hours, or nil when there is none.
    case hours(Double?)
    case number(Double?)

    public var display: String {
        switch self {
        case .text(let s): s
        case .count(let n): String(n)
        case .percent(let p): p.map { Self.fixed($0, 1) + " %" } ?? "—"
        case .hours(let h): h.map { Self.fixed($0, 1) + " h" } ?? "—"
        case .number(let v): v.map { Self.fixed($0, 1) } ?? "—"
        }
    }

    public var csv: String {
        switch self {
        case .text(let s): s
        case .count(let n): String(n)
        case .percent(let v), .hours(let v), .number(let v): v.map { Self.fixed($0, 2) } ?? ""
        }
    }

    /// The value as a chart takes it.
    public var amount: Double? {
        switch self {
        case .text: nil
        case .count(let n): Double(n)
        case .percent(let v), .hours(let v), .number(let v): v
        }
    }

    public var isNumeric: Bool { if case .text = self { false } else { true } }

    /// A fixed number of decimals without Foundation's locale-dependent formatting.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled > 0
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var text = (negative ? "-" : "") + String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    /// `part / whole` as a percentage, nil when `whole` is zero.
    public static func share(_ part: Int, of whole: Int) -> ReportCell {
        .percent(whole == 0 ? nil : Double(part) * 100 / Double(whole))
    }
}

public enum ReportCSV {
    public static func line(_ fields: [String]) -> String { fields.map(cell).joined(separator: ",") + "\r\n" }

    public static func cell(_ raw: String) -> String {
        var text = raw
        if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
