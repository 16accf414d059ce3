// ShopifyOrderCSV.swift
//
// Reads Shopify's order export (Admin → Orders → Export, "CSV for Excel, Numbers, or other
// spreadsheet programs") into order drafts that Casebook can import.
//
// The import never goes half-way: every order either comes out as a complete, valid draft or
// is rejected as a whole, with one line per problem that names the spreadsheet row, the column,
// the value and what is wrong, so that a person can fix the file and try again.
//
// Pure Swift, no Foundation: the file only needs the standard library.

// MARK: - CSV

/// Why a text could not be read as CSV.
///
/// `line` counts physical lines of the file (starting at 1), because that is what a text editor
/// shows; a field spanning several lines makes it differ from the spreadsheet row number.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A field opened with `"` and never closed. The line is where it opened, since the end of
    /// the file (where the reader noticed) tells the user nothing.
    case unterminatedQuote(line: Int)
    /// Something other than a comma or a line end follows a closing quote, as in `"abc"x`.
    /// Guessing where such a field ends could shift every later column, so the reader refuses.
    case textAfterClosingQuote(line: Int)

    /// The physical line the problem is on.
    public var line: Int {
        switch self {
        case .unterminatedQuote(let line), .textAfterClosingQuote(let line): line
        }
    }

    public var description: String {
        switch self {
        case .unterminatedQuote(let line):
            "a quoted field starting on line \(line) is never closed"
        case .textAfterClosingQuote(let line):
            "unexpected text after a closing quote on line \(line)"
        }
    }
}

/// An RFC 4180 reader, small and fast enough for exports of hundreds of thousands of rows.
public enum CSV {
    /// Splits `text` into rows of fields.
    ///
    /// Fields are separated by commas; a field in double quotes may contain commas, line breaks
    /// and `""` (one literal quote). Lines may end in CRLF, LF or a lone CR. A UTF-8 byte order
    /// mark at the start, which Excel and Shopify like to add, is skipped, and the line break at
    /// the very end does not make an extra empty row. A quote inside an unquoted field is kept as
    /// it is (`5" screen`), because hand-edited files contain such fields and their meaning is clear.
    ///
    /// The reader walks the UTF-8 bytes once, so the time grows linearly with the file.
    public static func rows(_ text: String) throws(CSVError) -> [[String]] {
        let read = { (bytes: UnsafeBufferPointer<UInt8>) -> Result<[[String]], CSVError> in
            var reader = CSVByteReader(bytes)
            return Result { () throws(CSVError) in try reader.readAll() }
        }
        // Native strings hand out their UTF-8 storage directly; other strings are copied once.
        let result = text.utf8.withContiguousStorageIfAvailable(read)
            ?? Array(text.utf8).withUnsafeBufferPointer(read)
        return try result.get()
    }
}

/// The state of one pass over the bytes of a CSV text.
private struct CSVByteReader {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var line = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.starts(with: Self.byteOrderMark) { position = Self.byteOrderMark.count }
    }

    mutating func readAll() throws(CSVError) -> [[String]] {
        var rows: [[String]] = []
        guard position < bytes.count else { return rows }
        var row: [String] = []
        while true {
            row.append(try readField())
            guard position < bytes.count else {
                rows.append(row)
                return rows
            }
            // A field ends only at a comma, a line end or the end of the text (see readField).
            let separator = bytes[position]
            position += 1
            if separator == Self.comma { continue }
            if separator == Self.carriageReturn, position < bytes.count, bytes[position] == Self.lineFeed {
                position += 1
            }
            line += 1
            let width = row.count
            rows.append(row)
            row = []
            row.reserveCapacity(width)
            if position == bytes.count { return rows }
        }
    }

    /// Reads one field and stops in front of the comma or line end that follows it.
    private mutating func readField() throws(CSVError) -> String {
        if position < bytes.count, bytes[position] == Self.quote { return try readQuotedField() }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            position += 1
        }
        return string(start..<position)
    }

    private mutating func readQuotedField() throws(CSVError) -> String {
        let openingLine = line
        position += 1
        var segmentStart = position
        // Only fields with `""` need their bytes copied; all others are decoded straight from the text.
        var unescaped: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    unescaped.append(contentsOf: bytes[segmentStart...position])  // keeps one of the two quotes
                    position += 2
                    segmentStart = position
                    continue
                }
                let value: String
                if unescaped.isEmpty {
                    value = string(segmentStart..<position)
                } else {
                    unescaped.append(contentsOf: bytes[segmentStart..<position])
                    value = String(decoding: unescaped, as: UTF8.self)
                }
                position += 1
                try expectEndOfField()
                return value
            }
            if isLineBreak(at: position) { line += 1 }
            position += 1
        }
        throw .unterminatedQuote(line: openingLine)
    }

    private func expectEndOfField() throws(CSVError) {
        guard position < bytes.count else { return }
        let byte = bytes[position]
        guard byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn else {
            throw .textAfterClosingQuote(line: line)
        }
    }

    /// True for LF and for a CR that is not the first half of CRLF, so that CRLF counts once.
    private func isLineBreak(at index: Int) -> Bool {
        switch bytes[index] {
        case Self.lineFeed: true
        case Self.carriageReturn: index + 1 == bytes.count || bytes[index + 1] != Self.lineFeed
        default: false
        }
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

// MARK: - Import result

/// What came out of reading one Shopify order export. Nothing has been imported yet: the caller
/// looks at `fileError` and `rejected` and decides whether to import `orders`.
public struct ShopifyImportResult: Hashable, Sendable {
    /// Orders without any problem, in the order their first row appears in the file.
    public var orders: [ShopifyOrderDraft]
    /// One entry per problem, sorted by row. A row with two problems appears twice, so the user
    /// can fix everything in one go instead of one error per attempt.
    public var rejected: [ShopifyRejectedRow]
    /// Set when the file as a whole cannot be used (not CSV, empty, columns missing); then
    /// `orders` and `rejected` are empty.
    public var fileError: String?
    /// Data rows read, not counting the header and blank lines.
    public var rowCount: Int
    /// The order each rejected row belongs to (row number → order name); rows without a name are absent.
    public var rejectedOrderNames: [Int: String] = [:]

    public init(orders: [ShopifyOrderDraft] = [], rejected: [ShopifyRejectedRow] = [], fileError: String? = nil, rowCount: Int = 0) {
        self.orders = orders
        self.rejected = rejected
        self.fileError = fileError
        self.rowCount = rowCount
    }

    /// True when every row of the file made it into a draft.
    public var isClean: Bool { fileError == nil && rejected.isEmpty }
}

/// One problem in one row, worded for the person who will open the file and fix it.
public struct ShopifyRejectedRow: Hashable, Sendable {
    /// The row number a spreadsheet shows: the header is row 1, the first order row is row 2.
    public var row: Int
    /// The column header as written in the file, e.g. "Lineitem quantity".
    public var column: String
    /// The cell's value (trimmed).
    public var value: String
    /// A plain sentence, e.g. `Lineitem quantity: "two" is not a whole number`.
    public var reason: String

    public init(row: Int, column: String, value: String, reason: String) {
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
    }
}

/// An order ready to be imported. Amounts are in the order's currency.
public struct ShopifyOrderDraft: Hashable, Sendable {
    /// Shopify's order name, e.g. "#1001"; it is what customers quote when they write in.
    public var name: String
    /// Shopify's numeric order id (`Id`), kept to match later exports or API lookups.
    public var shopifyID: String?
    /// Lowercased and trimmed, since that is how addresses are compared.
    public var email: String
    /// `Billing Name`, else `Shipping Name`.
    public var customerName: String?
    public var phone: String?
    /// Three uppercase letters (ISO 4217).
    public var currency: String
    /// Milliseconds since 1970-01-01 UTC.
    public var createdAt: Int64
    /// As Shopify writes it, e.g. "paid", "refunded".
    public var financialStatus: String?
    /// As Shopify writes it, e.g. "fulfilled", "partial", "unfulfilled".
    public var fulfillmentStatus: String?
    /// Milliseconds since 1970-01-01 UTC; nil when the order was not cancelled.
    public var cancelledAt: Int64?
    public var shippingMethod: String?
    public var shipping: Money
    public var total: Money
    public var discountCode: String?
    public var discount: Money
    public var refunded: Money
    public var tags: [String]
    /// With line breaks normalised to "\n".
    public var notes: String?
    /// Nil when the order has no shipping address at all (e.g. digital goods).
    public var shippingAddress: ShopifyAddress?
    public var lines: [ShopifyLineDraft]

    public init(
        name: String, shopifyID: String? = nil, email: String, customerName: String? = nil, phone: String? = nil,
        currency: String, createdAt: Int64, financialStatus: String? = nil, fulfillmentStatus: String? = nil,
        cancelledAt: Int64? = nil, shippingMethod: String? = nil, shipping: Money, total: Money,
        discountCode: String? = nil, discount: Money, refunded: Money, tags: [String] = [], notes: String? = nil,
        shippingAddress: ShopifyAddress? = nil, lines: [ShopifyLineDraft]
    ) {
        self.name = name
        self.shopifyID = shopifyID
        self.email = email
        self.customerName = customerName
        self.phone = phone
        self.currency = currency
        self.createdAt = createdAt
        self.financialStatus = financialStatus
        self.fulfillmentStatus = fulfillmentStatus
        self.cancelledAt = cancelledAt
        self.shippingMethod = shippingMethod
        self.shipping = shipping
        self.total = total
        self.discountCode = discountCode
        self.discount = discount
        self.refunded = refunded
        self.tags = tags
        self.notes = notes
        self.shippingAddress = shippingAddress
        self.lines = lines
    }
}

/// The `Shipping …` columns of an order; empty cells are nil.
public struct ShopifyAddress: Hashable, Sendable {
    public var name: String?
    public var company: String?
    /// `Shipping Address1`, else `Shipping Street` (Shopify's address1 and address2 joined).
    public var address1: String?
    public var address2: String?
    public var city: String?
    /// Without the leading apostrophe Shopify adds so that spreadsheets keep leading zeros.
    public var zip: String?
    public var province: String?
    /// As Shopify writes it, usually a two-letter code such as "FR".
    public var country: String?
    public var phone: String?

    public init(
        name: String? = nil, company: String? = nil, address1: String? = nil, address2: String? = nil,
        city: String? = nil, zip: String? = nil, province: String? = nil, country: String? = nil, phone: String? = nil
    ) {
        self.name = name
        self.company = company
        self.address1 = address1
        self.address2 = address2
        self.city = city
        self.zip = zip
        self.province = province
        self.country = country
        self.phone = phone
    }
}

/// One line item, i.e. one row of the export.
public struct ShopifyLineDraft: Hashable, Sendable {
    public var sku: SKU
    public var name: String
    /// At least 1.
    public var quantity: Int
    public var unitPrice: Money
    /// True when Shopify reports this line item as fulfilled.
    public var fulfilled: Bool
    public var vendor: String?

    public init(sku: SKU, name: String, quantity: Int, unitPrice: Money, fulfilled: Bool, vendor: String? = nil) {
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.fulfilled = fulfilled
        self.vendor = vendor
    }
}

// MARK: - Import

/// Turns the text of a Shopify order export into order drafts plus a list of rejected rows.
public enum ShopifyOrderImport {
    /// Reads `text` (the whole CSV file).
    ///
    /// Rows are grouped into orders by `Name`, even when an order's rows are not next to each
    /// other. Order-level fields come from the first row of the order with `Email` filled; every
    /// row is a line item. Pass `knownSKUs` to reject line items whose SKU is not in the catalogue.
    public static func parse(_ text: String, knownSKUs: Set<SKU>? = nil) -> ShopifyImportResult {
        let table: [[String]]
        do {
            table = try CSV.rows(text)
        } catch {
            return ShopifyImportResult(fileError: "The file is not a readable CSV file: \(error).")
        }
        guard let header = table.first, !ShopifyRow.isBlank(header) else {
            return ShopifyImportResult(fileError: "The file is empty.")
        }
        let columns = ShopifyColumnMap(header: header)
        var rows: [ShopifyRow] = []
        rows.reserveCapacity(table.count - 1)
        for (offset, cells) in table.enumerated().dropFirst() where !ShopifyRow.isBlank(cells) {
            rows.append(ShopifyRow(number: offset + 1, cells: cells, columns: columns))
        }
        let missing = columns.missingRequiredColumns
        guard missing.isEmpty else {
            let list = missing.map(\.header).joined(separator: ", ")
            let noun = missing.count == 1 ? "column" : "columns"
            return ShopifyImportResult(
                fileError: "This does not look like a Shopify order export: missing \(noun) \(list).",
                rowCount: rows.count)
        }
        guard !rows.isEmpty else {
            return ShopifyImportResult(fileError: "The file has a header but no order rows.")
        }
        return importRows(rows, knownSKUs: knownSKUs)
    }

    private static func importRows(_ rows: [ShopifyRow], knownSKUs: Set<SKU>?) -> ShopifyImportResult {
        let grouped = groupByName(rows)
        var groups = grouped.groups
        var orders: [ShopifyOrderDraft] = []
        var rejected = grouped.unnamed.flatMap(\.problems)
        var names: [Int: String] = [:]
        for index in groups.indices {
            if let draft = groups[index].draft(knownSKUs: knownSKUs) {
                orders.append(draft)
            } else {
                rejected += groups[index].rejections()
                for row in groups[index].rows { names[row.number] = groups[index].name }
            }
        }
        // Stable by construction: ties keep the order in which the problems were found.
        let sorted = rejected.enumerated()
            .sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }
            .map(\.element)
        var result = ShopifyImportResult(orders: orders, rejected: sorted, rowCount: rows.count)
        result.rejectedOrderNames = names
        return result
    }

    /// Groups rows by order name in order of first appearance; rows without a name cannot belong
    /// to any order and are returned, already rejected, on their own.
    private static func groupByName(_ rows: [ShopifyRow]) -> (groups: [ShopifyOrderGroup], unnamed: [ShopifyRow]) {
        var groups: [ShopifyOrderGroup] = []
        var groupIndex: [String: Int] = [:]
        var unnamed: [ShopifyRow] = []
        for var row in rows {
            let name = row.text(.name)
            guard !name.isEmpty else {
                row.rejectEmpty(.name, because: "the row cannot be matched to an order")
                unnamed.append(row)
                continue
            }
            if let index = groupIndex[name] {
                groups[index].rows.append(row)
            } else {
                groupIndex[name] = groups.count
                groups.append(ShopifyOrderGroup(name: name, rows: [row]))
            }
        }
        return (groups, unnamed)
    }
}

// MARK: - Orders

/// All rows of one order name, and the checks that need more than one row.
private struct ShopifyOrderGroup {
    let name: String
    var rows: [ShopifyRow]

    /// Builds the draft, or returns nil after recording every problem in the rows.
    mutating func draft(knownSKUs: Set<SKU>?) -> ShopifyOrderDraft? {
        let headIndex = rows.firstIndex { !$0.text(.email).isEmpty } ?? 0
        let order = rows[headIndex].readOrder()
        let currency = rows[headIndex].amountCurrency
        checkSameOrder(asRow: headIndex)
        var lines: [ShopifyLineDraft] = []
        for index in rows.indices {
            if let line = rows[index].readLine(currency: currency, knownSKUs: knownSKUs) { lines.append(line) }
        }
        guard var draft = order, rows.allSatisfy(\.problems.isEmpty) else { return nil }
        draft.lines = lines
        return draft
    }

    /// The problems of a rejected order, plus a note on each of its rows that had none, so the
    /// user sees why rows that look fine were not imported either.
    func rejections() -> [ShopifyRejectedRow] {
        rows.flatMap { row in
            row.problems.isEmpty
                ? [ShopifyRejectedRow(row: row.number, column: ShopifyColumn.name.header, value: name,
                                      reason: "order \(name) has a rejected row")]
                : row.problems
        }
    }

    /// Rows sharing a name must describe the same order: two different emails, currencies or
    /// Shopify ids mean two orders were mixed up (e.g. exports of two shops pasted together).
    private mutating func checkSameOrder(asRow headIndex: Int) {
        let head = rows[headIndex]
        for index in rows.indices where index != headIndex {
            for column in [ShopifyColumn.email, .currency, .id] {
                let expected = column.normalised(head.text(column))
                let found = column.normalised(rows[index].text(column))
                guard !found.isEmpty, !expected.isEmpty, found != expected else { continue }
                rows[index].reject(column, saying: "differs from \"\(expected)\" on row \(head.number) of order \(name)")
            }
        }
    }
}

// MARK: - Rows

/// One data row with the problems found in it so far.
private struct ShopifyRow {
    /// The row number a spreadsheet shows (header = 1).
    let number: Int
    let cells: [String]
    let columns: ShopifyColumnMap
    private(set) var problems: [ShopifyRejectedRow] = []

    init(number: Int, cells: [String], columns: ShopifyColumnMap) {
        self.number = number
        self.cells = cells
        self.columns = columns
    }

    /// Blank lines (often left at the end by spreadsheets) are skipped rather than rejected.
    static func isBlank(_ cells: [String]) -> Bool {
        cells.allSatisfy { $0.shopifyTrimmed.isEmpty }
    }

    /// The trimmed cell; short rows and absent optional columns read as empty.
    func text(_ column: ShopifyColumn) -> String {
        guard let index = columns.index(of: column), index < cells.count else { return "" }
        return cells[index].shopifyTrimmed
    }

    /// The currency this row's amounts are read in. Amounts need its decimals; when the code is
    /// unusable the order is rejected anyway, and the default of two decimals still lets the
    /// other amount problems show, so the user can fix them all at once.
    var amountCurrency: String { ShopifyColumn.currency.normalised(text(.currency)) }

    func optionalText(_ column: ShopifyColumn) -> String? {
        let value = text(column)
        return value.isEmpty ? nil : value
    }

    // MARK: Recording problems

    /// Records `Column: phrase`.
    mutating func reject(_ column: ShopifyColumn, reason phrase: String) {
        problems.append(ShopifyRejectedRow(row: number, column: column.header, value: text(column),
                                           reason: "\(column.header): \(phrase)"))
    }

    /// Records `Column: "value" problem`.
    mutating func reject(_ column: ShopifyColumn, saying problem: String) {
        reject(column, reason: "\(Self.quoted(text(column))) \(problem)")
    }

    mutating func rejectEmpty(_ column: ShopifyColumn, because why: String? = nil) {
        reject(column, reason: why.map { "is empty; \($0)" } ?? "is empty")
    }

    private static func quoted(_ value: String) -> String { "\"\(value)\"" }

    // MARK: Reading checked values

    /// The cell, or nil after rejecting it when empty.
    mutating func required(_ column: ShopifyColumn) -> String? {
        let value = text(column)
        if value.isEmpty { rejectEmpty(column) }
        return value.isEmpty ? nil : value
    }

    /// An amount; an empty optional cell means zero, since Shopify leaves e.g. refunds blank.
    mutating func money(_ column: ShopifyColumn, currency: String, required: Bool = false) -> Money? {
        let value = text(column)
        if value.isEmpty {
            if required { rejectEmpty(column) }
            return required ? nil : Money(minor: 0, currency: currency)
        }
        do {
            return try ShopifyAmount.parse(value, currency: currency)
        } catch {
            reject(column, saying: error.phrase)
            return nil
        }
    }

    /// A timestamp in milliseconds; an empty optional cell is nil.
    mutating func timestamp(_ column: ShopifyColumn, required: Bool = false) -> Int64? {
        let value = text(column)
        if value.isEmpty {
            if required { rejectEmpty(column) }
            return nil
        }
        guard let milliseconds = ShopifyTimestamp.milliseconds(value) else {
            reject(column, saying: "is not a date and time with a time zone, like \"2024-12-01 10:15:00 +0100\"")
            return nil
        }
        return milliseconds
    }

    /// The order-level fields of the row, without lines; nil when any of them is unusable.
    mutating func readOrder() -> ShopifyOrderDraft? {
        let email = readEmail()
        let currency = readCurrency()
        let createdAt = timestamp(.createdAt, required: true)
        let cancelledAt = timestamp(.cancelledAt)
        let shipping = money(.shipping, currency: amountCurrency)
        let total = money(.total, currency: amountCurrency, required: true)
        let discount = money(.discountAmount, currency: amountCurrency)
        let refunded = money(.refundedAmount, currency: amountCurrency)
        guard let email, let currency, let createdAt, let shipping, let total, let discount, let refunded else {
            return nil
        }
        return ShopifyOrderDraft(
            name: text(.name), shopifyID: optionalText(.id), email: email,
            customerName: optionalText(.billingName) ?? optionalText(.shippingName),
            phone: unguardedText(.phone) ?? unguardedText(.shippingPhone),
            currency: currency, createdAt: createdAt,
            financialStatus: optionalText(.financialStatus), fulfillmentStatus: optionalText(.fulfillmentStatus),
            cancelledAt: cancelledAt, shippingMethod: optionalText(.shippingMethod),
            shipping: shipping, total: total, discountCode: optionalText(.discountCode), discount: discount,
            refunded: refunded, tags: readTags(), notes: readNotes(), shippingAddress: readShippingAddress(),
            lines: [])
    }

    /// The line item of the row; nil when any of its fields is unusable.
    mutating func readLine(currency: String, knownSKUs: Set<SKU>?) -> ShopifyLineDraft? {
        let quantity = readQuantity()
        let price = money(.lineitemPrice, currency: currency, required: true)
        let sku = readSKU(knownSKUs: knownSKUs)
        guard let quantity, let price, let sku else { return nil }
        return ShopifyLineDraft(
            sku: sku, name: text(.lineitemName), quantity: quantity, unitPrice: price,
            fulfilled: text(.lineitemFulfillmentStatus).lowercased() == "fulfilled",
            vendor: optionalText(.vendor))
    }

    // MARK: Single fields

    private mutating func readEmail() -> String? {
        guard let value = required(.email) else { return nil }
        let email = ShopifyColumn.email.normalised(value)
        guard Self.looksLikeEmail(email) else {
            reject(.email, saying: "is not an email address")
            return nil
        }
        return email
    }

    /// A deliberately loose check: one `@`, something before it, a dotted domain after it and no
    /// spaces. Stricter rules reject real addresses; this one catches typos and swapped columns.
    private static func looksLikeEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let forbidden: Set<Unicode.Scalar> = [",", ";", "<", ">", "\"", "(", ")"]
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
            && !email.unicodeScalars.contains { $0.properties.isWhitespace || forbidden.contains($0) }
    }

    private mutating func readCurrency() -> String? {
        guard let value = required(.currency) else { return nil }
        let code = ShopifyColumn.currency.normalised(value)
        guard code.unicodeScalars.count == 3, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            reject(.currency, saying: "is not a 3-letter currency code such as EUR")
            return nil
        }
        return code
    }

    private mutating func readQuantity() -> Int? {
        guard let value = required(.lineitemQuantity) else { return nil }
        guard let quantity = Int(value) else {
            reject(.lineitemQuantity, saying: "is not a whole number")
            return nil
        }
        guard quantity >= 1 else {
            reject(.lineitemQuantity, saying: "must be at least 1")
            return nil
        }
        return quantity
    }

    private mutating func readSKU(knownSKUs: Set<SKU>?) -> SKU? {
        guard let value = required(.lineitemSKU) else { return nil }
        let sku = SKU(value)
        if let knownSKUs, !knownSKUs.contains(sku) {
            reject(.lineitemSKU, reason: "no product variant \(value) in the catalogue")
            return nil
        }
        return sku
    }

    /// Shopify writes tags as one cell, "vip, repeat".
    private func readTags() -> [String] {
        text(.tags).split(separator: ",").map { String($0).shopifyTrimmed }.filter { !$0.isEmpty }
    }

    /// Notes typed on Windows keep their CRLF inside the quoted cell; one kind of line break is
    /// easier on everything downstream.
    private func readNotes() -> String? {
        guard let notes = optionalText(.notes) else { return nil }
        guard notes.utf8.contains(UInt8(ascii: "\r")) else { return notes }
        return String(notes.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
    }

    /// Shopify prefixes zip codes (and sometimes phone numbers) with an apostrophe so that
    /// spreadsheets keep leading zeros; the apostrophe is not part of the value.
    private func unguardedText(_ column: ShopifyColumn) -> String? {
        guard let value = optionalText(column) else { return nil }
        let unguarded = value.hasPrefix("'") ? String(value.dropFirst()).shopifyTrimmed : value
        return unguarded.isEmpty ? nil : unguarded
    }

    private func readShippingAddress() -> ShopifyAddress? {
        let address = ShopifyAddress(
            name: optionalText(.shippingName), company: optionalText(.shippingCompany),
            address1: optionalText(.shippingAddress1) ?? optionalText(.shippingStreet),
            address2: optionalText(.shippingAddress2), city: optionalText(.shippingCity),
            zip: unguardedText(.shippingZip), province: optionalText(.shippingProvince),
            country: optionalText(.shippingCountry), phone: unguardedText(.shippingPhone))
        return address == ShopifyAddress() ? nil : address
    }
}

// MARK: - Columns

/// The columns of Shopify's order export that the import reads. Others are ignored.
private enum ShopifyColumn: Int, CaseIterable {
    case name, email, financialStatus, fulfillmentStatus, currency, shipping, total
    case discountCode, discountAmount, shippingMethod, createdAt
    case lineitemQuantity, lineitemName, lineitemPrice, lineitemSKU, lineitemFulfillmentStatus
    case billingName, shippingName, shippingStreet, shippingAddress1, shippingAddress2, shippingCompany
    case shippingCity, shippingZip, shippingProvince, shippingCountry, shippingPhone
    case notes, cancelledAt, refundedAmount, vendor, id, tags, phone

    /// The header exactly as Shopify writes it.
    var header: String {
        switch self {
        case .name: "Name"
        case .email: "Email"
        case .financialStatus: "Financial Status"
        case .fulfillmentStatus: "Fulfillment Status"
        case .currency: "Currency"
        case .shipping: "Shipping"
        case .total: "Total"
        case .discountCode: "Discount Code"
        case .discountAmount: "Discount Amount"
        case .shippingMethod: "Shipping Method"
        case .createdAt: "Created at"
        case .lineitemQuantity: "Lineitem quantity"
        case .lineitemName: "Lineitem name"
        case .lineitemPrice: "Lineitem price"
        case .lineitemSKU: "Lineitem sku"
        case .lineitemFulfillmentStatus: "Lineitem fulfillment status"
        case .billingName: "Billing Name"
        case .shippingName: "Shipping Name"
        case .shippingStreet: "Shipping Street"
        case .shippingAddress1: "Shipping Address1"
        case .shippingAddress2: "Shipping Address2"
        case .shippingCompany: "Shipping Company"
        case .shippingCity: "Shipping City"
        case .shippingZip: "Shipping Zip"
        case .shippingProvince: "Shipping Province"
        case .shippingCountry: "Shipping Country"
        case .shippingPhone: "Shipping Phone"
        case .notes: "Notes"
        case .cancelledAt: "Cancelled at"
        case .refundedAmount: "Refunded Amount"
        case .vendor: "Vendor"
        case .id: "Id"
        case .tags: "Tags"
        case .phone: "Phone"
        }
    }

    /// Columns without which no order can be built. The rest may be missing (e.g. deleted in a
    /// spreadsheet) and then read as empty.
    var isRequired: Bool {
        switch self {
        case .name, .email, .currency, .createdAt, .total,
             .lineitemQuantity, .lineitemName, .lineitemPrice, .lineitemSKU: true
        default: false
        }
    }

    /// The form in which two cells of this column are compared or stored.
    func normalised(_ value: String) -> String {
        switch self {
        case .email: value.lowercased()
        case .currency: value.uppercased()
        default: value
        }
    }

    static let byHeader: [String: ShopifyColumn] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.header, $0) })
}

/// Where each known column sits in this particular file, since exports may be reordered.
private struct ShopifyColumnMap {
    private var indices: [Int?]

    init(header: [String]) {
        indices = Array(repeating: nil, count: ShopifyColumn.allCases.count)
        for (index, title) in header.enumerated() {
            // The first of two equally named columns wins, as it is the one a person sees first.
            guard let column = ShopifyColumn.byHeader[title.shopifyTrimmed], indices[column.rawValue] == nil else {
                continue
            }
            indices[column.rawValue] = index
        }
    }

    func index(of column: ShopifyColumn) -> Int? { indices[column.rawValue] }

    var missingRequiredColumns: [ShopifyColumn] {
        ShopifyColumn.allCases.filter { $0.isRequired && index(of: $0) == nil }
    }
}

// MARK: - Amounts

/// Why an amount was refused; `phrase` completes a sentence that starts with the quoted value.
enum ShopifyAmountProblem: Error, Equatable {
    case notAnAmount
    case negative
    case tooManyDecimals(currency: String, allowed: Int)
    case tooLarge

    var phrase: String {
        switch self {
        case .notAnAmount: "is not an amount"
        case .negative: "is negative"
        case .tooManyDecimals(let currency, 0): "has decimals, but \(currency) amounts have none"
        case .tooManyDecimals(let currency, let allowed): "has more than \(allowed) decimals, the most \(currency) allows"
        case .tooLarge: "is too large"
        }
    }
}

/// Exact decimal amounts as Shopify writes them ("19.99", "1,234.50", "20"), read into integer
/// minor units without going through floating point, which cannot represent 19.99 exactly.
enum ShopifyAmount {
    /// Minor-unit digits per currency: Shopify does not say in the file; `Money` knows.
    static func decimals(for currency: String) -> Int { Money.decimals(for: currency) }

    /// Reads an amount of `currency`. Thousands separators must be commas in groups of three;
    /// a decimal comma ("12,90") is refused rather than misread as 1,290. Decimals beyond the
    /// currency's are refused unless they are zeros ("1500.00" JPY), which change nothing.
    static func parse(_ text: String, currency: String) throws(ShopifyAmountProblem) -> Money {
        var digits = text.shopifyTrimmed.utf8[...]
        let isNegative = digits.first == UInt8(ascii: "-")
        if isNegative { digits = digits.dropFirst() }
        let decimals = decimals(for: currency)
        let parts = digits.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let whole = try wholeUnits(parts[0])
        let fraction = parts.count == 2 ? try minorUnits(parts[1], decimals: decimals, currency: currency) : 0
        let scale = power(of: 10, decimals)
        let (scaled, overflowA) = whole.multipliedReportingOverflow(by: scale)
        let (minor, overflowB) = scaled.addingReportingOverflow(fraction)
        guard !overflowA, !overflowB else { throw .tooLarge }
        if isNegative && minor != 0 { throw .negative }
        return Money(minor: minor, currency: currency)
    }

    /// Digits before the decimal point, optionally grouped by commas: "1234", "1,234", "12,345,678".
    private static func wholeUnits(_ bytes: Substring.UTF8View) throws(ShopifyAmountProblem) -> Int {
        let groups = bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        let wellGrouped = groups.count == 1
            || ((1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 })
        guard wellGrouped, !groups[0].isEmpty else { throw .notAnAmount }
        var value = 0
        for group in groups {
            for byte in group {
                guard let digit = digitValue(byte) else { throw .notAnAmount }
                let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = times10.addingReportingOverflow(digit)
                guard !overflowA, !overflowB else { throw .tooLarge }
                value = sum
            }
        }
        return value
    }

    /// Digits after the decimal point, as minor units: "5" → 50 and "50" → 50 for two decimals.
    private static func minorUnits(
        _ bytes: Substring.UTF8View, decimals: Int, currency: String
    ) throws(ShopifyAmountProblem) -> Int {
        guard !bytes.isEmpty else { throw .notAnAmount }
        var value = 0
        for (position, byte) in bytes.enumerated() {
            guard let digit = digitValue(byte) else { throw .notAnAmount }
            if position < decimals {
                value = value * 10 + digit
            } else if digit != 0 {
                throw .tooManyDecimals(currency: currency, allowed: decimals)
            }
        }
        return value * power(of: 10, max(0, decimals - bytes.count))
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func power(of base: Int, _ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { product, _ in product * base }
    }
}

// MARK: - Timestamps

/// Shopify's timestamps ("2024-12-01 10:15:00 +0100") and ISO 8601 ones ("2024-12-01T10:15:00Z",
/// "…+01:00", with optional fractional seconds), read as milliseconds since 1970 UTC.
///
/// A time zone is required: without one the same text means different instants on different
/// machines, which is how spreadsheets that reformat dates silently shift orders by hours.
enum ShopifyTimestamp {
    static func milliseconds(_ text: String) -> Int64? {
        var cursor = DigitCursor(Array(text.shopifyTrimmed.utf8))
        guard let year = cursor.number(digits: 4), cursor.skip("-"),
              let month = cursor.number(digits: 2), cursor.skip("-"),
              let day = cursor.number(digits: 2), cursor.skip("T") || cursor.skip(" "),
              let hour = cursor.number(digits: 2), cursor.skip(":"),
              let minute = cursor.number(digits: 2)
        else { return nil }
        let second = cursor.skip(":") ? cursor.number(digits: 2) : 0
        let millisecond = cursor.skip(".") ? cursor.fractionInMilliseconds() : 0
        _ = cursor.skip(" ")
        guard let second, let millisecond, let offset = cursor.offsetInSeconds(), cursor.isAtEnd,
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = Int64(daysSinceEpoch(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return seconds * 1000 + Int64(millisecond)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
    /// days_from_civil), so no calendar library or time zone database is needed.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Reads fixed-width ASCII numbers from the front of a byte array.
    private struct DigitCursor {
        private let bytes: [UInt8]
        private var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { position == bytes.count }

        /// Consumes `character` if it comes next.
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        mutating func number(digits count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + count] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += count
            return value
        }

        /// One or more digits after the point; digits beyond milliseconds are dropped.
        mutating func fractionInMilliseconds() -> Int? {
            var value = 0
            var count = 0
            while let digit = number(digits: 1) {
                if count < 3 { value = value * 10 + digit }
                count += 1
            }
            guard count > 0 else { return nil }
            return value * [100, 10, 1][min(count, 3) - 1]
        }

        /// "Z", "+01:00", "+0100" or "+01" as seconds east of UTC.
        mutating func offsetInSeconds() -> Int? {
            if skip("Z") { return 0 }
            let sign: Int
            if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
            guard let hours = number(digits: 2), hours <= 18 else { return nil }
            if isAtEnd { return sign * hours * 3600 }
            _ = skip(":")
            guard let minutes = number(digits: 2), minutes < 60 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }
    }
}

// MARK: - Text

private extension String {
    /// Trims whitespace and line breaks (including the no-break spaces spreadsheets insert)
    /// without Foundation; returns the string itself when there is nothing to trim.
    var shopifyTrimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
