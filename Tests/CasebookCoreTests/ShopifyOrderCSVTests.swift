import Testing
@testable import CasebookCore

// MARK: - Fixture

/// The header of Shopify's order export, in the order Shopify writes it.
private let shopifyHeader = [
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
    "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method",
    "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
    "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
    "Billing Name", "Billing Street", "Billing Address1", "Billing Address2", "Billing Company", "Billing City",
    "Billing Zip", "Billing Province", "Billing Country", "Billing Phone", "Shipping Name", "Shipping Street",
    "Shipping Address1", "Shipping Address2", "Shipping Company", "Shipping City", "Shipping Zip",
    "Shipping Province", "Shipping Country", "Shipping Phone", "Notes", "Note Attributes", "Cancelled at",
    "Payment Method", "Payment Reference", "Refunded Amount", "Vendor", "Outstanding Balance", "Employee",
    "Location", "Device ID", "Id", "Tags", "Risk Level", "Source", "Lineitem discount", "Tax 1 Name",
    "Tax 1 Value", "Tax 2 Name", "Tax 2 Value", "Phone", "Receipt Number", "Duties", "Billing Province Name",
    "Shipping Province Name", "Payment ID", "Payment Terms Name", "Next Payment Due At", "Payment References",
]

private let notesOf1002 = "Leave at the door, please.\nSay \"hi\" to Max, the dog."

/// Builds export files cell by cell, so each test shows which cells matter; cells not given are empty.
private struct Export {
    var header: [String] = shopifyHeader
    var rows: [[String: String]]

    func csv(lineEnd: String = "\n", byteOrderMark: Bool = false) -> String {
        let lines = [header.map(Self.quoted).joined(separator: ",")]
            + rows.map { row in header.map { Self.quoted(row[$0] ?? "") }.joined(separator: ",") }
        return (byteOrderMark ? "\u{FEFF}" : "") + lines.joined(separator: lineEnd) + lineEnd
    }

    /// `row` is the spreadsheet row number: the header is row 1.
    func setting(_ column: String, to value: String, onRow row: Int) -> Export {
        var copy = self
        copy.rows[row - 2][column] = value
        return copy
    }

    func removing(columns: Set<String>) -> Export {
        var copy = self
        copy.header.removeAll { columns.contains($0) }
        return copy
    }

    /// Quotes like Shopify: only fields that need it, with `"` doubled.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { [",", "\"", "\n", "\r", "\r\n"].contains($0) }) else { return field }
        return "\"" + String(field.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }
}

/// Three orders as Shopify exports them: #1001 with two line items (rows 2–3), #1002 with
/// multi-line notes (row 4), #1003 cancelled and refunded, in yen (row 5).
private let threeOrders = Export(rows: [
    [
        "Name": "#1001", "Email": " Ada@Example.com ", "Financial Status": "paid",
        "Paid at": "2024-12-01 10:16:02 +0100", "Fulfillment Status": "partial", "Accepts Marketing": "yes",
        "Currency": "EUR", "Subtotal": "54.80", "Shipping": "4.90", "Taxes": "9.95", "Total": "59.70",
        "Discount Amount": "0.00", "Shipping Method": "Standard", "Created at": "2024-12-01 10:15:00 +0100",
        "Lineitem quantity": "2", "Lineitem name": "Hand towel - Sand", "Lineitem price": "12.90",
        "Lineitem compare at price": "14.90", "Lineitem sku": "HT-1", "Lineitem requires shipping": "true",
        "Lineitem taxable": "true", "Lineitem fulfillment status": "fulfilled",
        "Billing Name": "Ada Lovelace", "Billing Street": "12 Rue de Rivoli, Apt 3", "Billing City": "Paris",
        "Billing Zip": "'75001", "Billing Country": "FR",
        "Shipping Name": "Ada Lovelace", "Shipping Street": "12 Rue de Rivoli, Apt 3",
        "Shipping Address1": "12 Rue de Rivoli", "Shipping Address2": "Apt 3", "Shipping City": "Paris",
        "Shipping Zip": "'75001", "Shipping Country": "FR", "Shipping Phone": "'+33 1 23 45 67 89",
        "Payment Method": "Shopify Payments", "Refunded Amount": "0.00", "Vendor": "Casebook Linen",
        "Outstanding Balance": "0.00", "Id": "5801234567890", "Tags": "vip, repeat", "Risk Level": "Low",
        "Source": "web", "Tax 1 Name": "TVA 20%", "Tax 1 Value": "9.95",
    ],
    [
        "Name": "#1001", "Email": "ada@example.com", "Created at": "2024-12-01 10:15:00 +0100",
        "Lineitem quantity": "1", "Lineitem name": "Bath mat - Sand", "Lineitem price": "29.00",
        "Lineitem sku": "BM-2", "Lineitem requires shipping": "true", "Lineitem taxable": "true",
        "Lineitem fulfillment status": "pending", "Vendor": "Casebook Linen",
    ],
    [
        "Name": "#1002", "Email": "grace@example.org", "Financial Status": "paid",
        "Paid at": "2024-12-02 09:31:00 -0500", "Fulfillment Status": "unfulfilled", "Accepts Marketing": "no",
        "Currency": "USD", "Subtotal": "120.00", "Shipping": "8.00", "Taxes": "0.00", "Total": "118.00",
        "Discount Code": "WELCOME10", "Discount Amount": "10.00", "Shipping Method": "UPS Ground",
        "Created at": "2024-12-02 09:30:00 -0500", "Lineitem quantity": "1", "Lineitem name": "Desk lamp, brass",
        "Lineitem price": "120.00", "Lineitem sku": " DL-7 ", "Lineitem requires shipping": "true",
        "Lineitem taxable": "false", "Lineitem fulfillment status": "pending",
        "Shipping Name": "Grace Hopper", "Shipping Street": "1 Navy Way", "Shipping Address1": "1 Navy Way",
        "Shipping Company": "US Navy", "Shipping City": "Arlington", "Shipping Zip": "'22201",
        "Shipping Province": "VA", "Shipping Country": "US", "Notes": notesOf1002,
        "Payment Method": "Shopify Payments", "Refunded Amount": "0.00", "Vendor": "Lumen & Co",
        "Id": "5801234567891", "Risk Level": "Low", "Source": "web", "Phone": "+1 555 0100",
    ],
    [
        "Name": "#1003", "Email": "linus@example.net", "Financial Status": "refunded",
        "Fulfillment Status": "unfulfilled", "Currency": "JPY", "Subtotal": "3000", "Shipping": "500",
        "Taxes": "273", "Total": "3500", "Discount Amount": "0", "Shipping Method": "Yamato",
        "Created at": "2024-12-03 18:45:10 +0900", "Lineitem quantity": "3", "Lineitem name": "Tea towel",
        "Lineitem price": "1000", "Lineitem sku": "TT-3", "Lineitem requires shipping": "true",
        "Lineitem taxable": "true", "Billing Name": "Linus Torvalds", "Shipping Name": "Linus Torvalds",
        "Shipping Street": "1-1 Chiyoda", "Shipping Address1": "1-1 Chiyoda", "Shipping City": "Chiyoda-ku",
        "Shipping Zip": "'100-0001", "Shipping Province": "Tokyo", "Shipping Country": "JP",
        "Cancelled at": "2024-12-04 09:00:00 +0900", "Payment Method": "Shopify Payments",
        "Refunded Amount": "3500", "Vendor": "Casebook Linen", "Id": "5801234567892", "Tags": "gift",
        "Source": "web",
    ],
])

private func eur(_ minor: Int) -> Money { Money(minor: minor, currency: "EUR") }
private func usd(_ minor: Int) -> Money { Money(minor: minor, currency: "USD") }
private func jpy(_ minor: Int) -> Money { Money(minor: minor, currency: "JPY") }

private let order1001 = ShopifyOrderDraft(
    name: "#1001", shopifyID: "5801234567890", email: "ada@example.com", customerName: "Ada Lovelace",
    phone: "+33 1 23 45 67 89", currency: "EUR", createdAt: 1_733_044_500_000, financialStatus: "paid",
    fulfillmentStatus: "partial", shippingMethod: "Standard", shipping: eur(490), total: eur(5970),
    discount: eur(0), refunded: eur(0), tags: ["vip", "repeat"],
    shippingAddress: ShopifyAddress(
        name: "Ada Lovelace", address1: "12 Rue de Rivoli", address2: "Apt 3", city: "Paris", zip: "75001",
        country: "FR", phone: "+33 1 23 45 67 89"),
    lines: [
        ShopifyLineDraft(sku: "HT-1", name: "Hand towel - Sand", quantity: 2, unitPrice: eur(1290),
                         fulfilled: true, vendor: "Casebook Linen"),
        ShopifyLineDraft(sku: "BM-2", name: "Bath mat - Sand", quantity: 1, unitPrice: eur(2900),
                         fulfilled: false, vendor: "Casebook Linen"),
    ])

private let order1002 = ShopifyOrderDraft(
    name: "#1002", shopifyID: "5801234567891", email: "grace@example.org", customerName: "Grace Hopper",
    phone: "+1 555 0100", currency: "USD", createdAt: 1_733_149_800_000, financialStatus: "paid",
    fulfillmentStatus: "unfulfilled", shippingMethod: "UPS Ground", shipping: usd(800), total: usd(11800),
    discountCode: "WELCOME10", discount: usd(1000), refunded: usd(0), notes: notesOf1002,
    shippingAddress: ShopifyAddress(
        name: "Grace Hopper", company: "US Navy", address1: "1 Navy Way", city: "Arlington", zip: "22201",
        province: "VA", country: "US"),
    lines: [
        ShopifyLineDraft(sku: "DL-7", name: "Desk lamp, brass", quantity: 1, unitPrice: usd(12000),
                         fulfilled: false, vendor: "Lumen & Co"),
    ])

private let order1003 = ShopifyOrderDraft(
    name: "#1003", shopifyID: "5801234567892", email: "linus@example.net", customerName: "Linus Torvalds",
    currency: "JPY", createdAt: 1_733_219_110_000, financialStatus: "refunded", fulfillmentStatus: "unfulfilled",
    cancelledAt: 1_733_270_400_000, shippingMethod: "Yamato", shipping: jpy(500), total: jpy(3500),
    discount: jpy(0), refunded: jpy(3500), tags: ["gift"],
    shippingAddress: ShopifyAddress(
        name: "Linus Torvalds", address1: "1-1 Chiyoda", city: "Chiyoda-ku", zip: "100-0001", province: "Tokyo",
        country: "JP"),
    lines: [
        ShopifyLineDraft(sku: "TT-3", name: "Tea towel", quantity: 3, unitPrice: jpy(1000), fulfilled: false,
                         vendor: "Casebook Linen"),
    ])

/// The note a rejected order leaves on its rows that have no problem of their own.
private func sibling(row: Int, of order: String) -> ShopifyRejectedRow {
    ShopifyRejectedRow(row: row, column: "Name", value: order, reason: "order \(order) has a rejected row")
}

// MARK: - CSV reader

@Suite("CSV reader")
struct CSVReaderTests {
    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\",\n\"two\nlines\",x,,\"\"\n"
        #expect(try CSV.rows(text) == [["a", "b,c", "say \"hi\"", ""], ["two\nlines", "x", "", ""]])
    }

    @Test func lineEndsByteOrderMarkAndTrailingLineBreak() throws {
        #expect(try CSV.rows("a,b\r\nc,d\r\n") == [["a", "b"], ["c", "d"]])
        #expect(try CSV.rows("a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(try CSV.rows("a\rb\r") == [["a"], ["b"]])
        #expect(try CSV.rows("\u{FEFF}Name,Email\n") == [["Name", "Email"]])
        #expect(try CSV.rows("\"a\r\nb\"\r\n") == [["a\r\nb"]])
        #expect(try CSV.rows("").isEmpty)
        #expect(try CSV.rows("\u{FEFF}").isEmpty)
    }

    @Test func keepsNonASCIITextAndBareQuotes() throws {
        #expect(try CSV.rows("Crème brûlée,日本語,🧺\n5\" screen,x") == [["Crème brûlée", "日本語", "🧺"], ["5\" screen", "x"]])
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() {
        #expect(throws: CSVError.unterminatedQuote(line: 4)) {
            try CSV.rows("h1,h2\n\"multi\r\nline\",ok\nx,\"never closed\nmore\n")
        }
    }

    @Test func textAfterClosingQuoteIsRefused() {
        #expect(throws: CSVError.textAfterClosingQuote(line: 2)) { try CSV.rows("a,b\n\"ab\"c,d\n") }
    }
}

// MARK: - Import

@Suite("Shopify order import")
struct ShopifyOrderImportTests {
    @Test func realisticExportBecomesExactDrafts() {
        let text = threeOrders.csv()
        // The notes really are quoted across lines with doubled quotes, as Shopify writes them.
        #expect(text.contains("\"Leave at the door, please.\nSay \"\"hi\"\" to Max, the dog.\""))
        let result = ShopifyOrderImport.parse(text)
        #expect(result.fileError == nil)
        #expect(result.rejected == [])
        #expect(result.rowCount == 4)
        #expect(result.orders == [order1001, order1002, order1003])
    }

    @Test func crlfAndByteOrderMarkGiveTheSameDrafts() {
        let windowsNotes = "Leave at the door, please.\r\nSay \"hi\" to Max, the dog."
        let export = threeOrders.setting("Notes", to: windowsNotes, onRow: 4)
        let result = ShopifyOrderImport.parse(export.csv(lineEnd: "\r\n", byteOrderMark: true))
        #expect(result.isClean)
        // The notes, typed with CRLF inside the quoted cell, come out with "\n" like order1002's.
        #expect(result.orders == [order1001, order1002, order1003])
    }

    @Test func columnsInAnyOrderAndUnknownColumnsAreIgnored() {
        var shuffled = threeOrders
        shuffled.header = shuffled.header.reversed() + ["Custom Column"]
        shuffled.rows[0]["Custom Column"] = "not a number, ignored"
        let result = ShopifyOrderImport.parse(shuffled.csv())
        #expect(result.isClean)
        #expect(result.orders == [order1001, order1002, order1003])
    }

    @Test func optionalColumnsMayBeMissing() {
        let trimmed = threeOrders.removing(columns: ["Notes", "Tags", "Shipping", "Refunded Amount", "Id"])
        let result = ShopifyOrderImport.parse(trimmed.csv())
        #expect(result.isClean)
        #expect(result.orders.map(\.notes) == [nil, nil, nil])
        #expect(result.orders.map(\.refunded) == [eur(0), usd(0), jpy(0)])
    }

    @Test func missingColumnIsAFileErrorNamingIt() {
        let one = ShopifyOrderImport.parse(threeOrders.removing(columns: ["Lineitem sku"]).csv())
        #expect(one.fileError == "This does not look like a Shopify order export: missing column Lineitem sku.")
        #expect(one.orders.isEmpty && one.rejected.isEmpty)

        let two = ShopifyOrderImport.parse(threeOrders.removing(columns: ["Lineitem sku", "Email"]).csv())
        #expect(two.fileError == "This does not look like a Shopify order export: missing columns Email, Lineitem sku.")
    }

    @Test func unusableFilesAreFileErrors() {
        #expect(ShopifyOrderImport.parse("").fileError == "The file is empty.")
        #expect(ShopifyOrderImport.parse("\u{FEFF}\r\n").fileError == "The file is empty.")
        #expect(ShopifyOrderImport.parse(Export(rows: []).csv()).fileError == "The file has a header but no order rows.")
        let broken = threeOrders.csv() + "#1004,\"oops\n"
        #expect(ShopifyOrderImport.parse(broken).fileError
                == "The file is not a readable CSV file: a quoted field starting on line 7 is never closed.")
    }

    struct BadCell: Sendable, CustomTestStringConvertible {
        var row: Int
        var column: String
        var value: String
        var reason: String
        var testDescription: String { "\(column) = \"\(value)\" on row \(row)" }
    }

    /// Rows of each order in `threeOrders`.
    private static let rowsByOrder = ["#1001": [2, 3], "#1002": [4], "#1003": [5]]

    @Test(arguments: [
        BadCell(row: 3, column: "Lineitem quantity", value: "two",
                reason: "Lineitem quantity: \"two\" is not a whole number"),
        BadCell(row: 2, column: "Lineitem quantity", value: "0", reason: "Lineitem quantity: \"0\" must be at least 1"),
        BadCell(row: 2, column: "Lineitem price", value: "12,90", reason: "Lineitem price: \"12,90\" is not an amount"),
        BadCell(row: 4, column: "Lineitem price", value: "-5.00", reason: "Lineitem price: \"-5.00\" is negative"),
        BadCell(row: 3, column: "Lineitem sku", value: "", reason: "Lineitem sku: is empty"),
        BadCell(row: 4, column: "Email", value: "grace.example.org",
                reason: "Email: \"grace.example.org\" is not an email address"),
        BadCell(row: 4, column: "Email", value: "", reason: "Email: is empty"),
        BadCell(row: 2, column: "Currency", value: "EURO",
                reason: "Currency: \"EURO\" is not a 3-letter currency code such as EUR"),
        BadCell(row: 5, column: "Created at", value: "04/12/2024 18:45",
                reason: "Created at: \"04/12/2024 18:45\" is not a date and time with a time zone, like \"2024-12-01 10:15:00 +0100\""),
        BadCell(row: 5, column: "Cancelled at", value: "2024-02-30 10:00:00 +0900",
                reason: "Cancelled at: \"2024-02-30 10:00:00 +0900\" is not a date and time with a time zone, like \"2024-12-01 10:15:00 +0100\""),
        BadCell(row: 5, column: "Total", value: "3500.5", reason: "Total: \"3500.5\" has decimals, but JPY amounts have none"),
        BadCell(row: 4, column: "Shipping", value: "8.005", reason: "Shipping: \"8.005\" has more than 2 decimals, the most USD allows"),
    ])
    func badCellRejectsItsWholeOrderOnly(_ bad: BadCell) throws {
        let result = ShopifyOrderImport.parse(threeOrders.setting(bad.column, to: bad.value, onRow: bad.row).csv())
        let order = try #require(Self.rowsByOrder.first { $0.value.contains(bad.row) }?.key)
        let problem = ShopifyRejectedRow(row: bad.row, column: bad.column, value: bad.value, reason: bad.reason)
        let expected = Self.rowsByOrder[order]!.map { $0 == bad.row ? problem : sibling(row: $0, of: order) }
        #expect(result.rejected == expected)
        #expect(result.orders == [order1001, order1002, order1003].filter { $0.name != order })
        #expect(result.rowCount == 4)
    }

    @Test func rowWithSeveralProblemsListsEachOfThem() {
        let export = threeOrders
            .setting("Lineitem quantity", to: "1.5", onRow: 3)
            .setting("Lineitem price", to: "free", onRow: 3)
        #expect(ShopifyOrderImport.parse(export.csv()).rejected == [
            sibling(row: 2, of: "#1001"),
            ShopifyRejectedRow(row: 3, column: "Lineitem quantity", value: "1.5",
                               reason: "Lineitem quantity: \"1.5\" is not a whole number"),
            ShopifyRejectedRow(row: 3, column: "Lineitem price", value: "free",
                               reason: "Lineitem price: \"free\" is not an amount"),
        ])
    }

    @Test func unknownSKUIsRejectedWhenACatalogueIsGiven() {
        let text = threeOrders.csv()
        let result = ShopifyOrderImport.parse(text, knownSKUs: ["HT-1", "DL-7", "TT-3"])
        #expect(result.rejected == [
            sibling(row: 2, of: "#1001"),
            ShopifyRejectedRow(row: 3, column: "Lineitem sku", value: "BM-2",
                               reason: "Lineitem sku: no product variant BM-2 in the catalogue"),
        ])
        #expect(result.orders == [order1002, order1003])
        #expect(ShopifyOrderImport.parse(text, knownSKUs: ["HT-1", "BM-2", "DL-7", "TT-3"]).isClean)
    }

    @Test func orderNameAppearingAgainLaterIsOneOrder() {
        var export = threeOrders
        export.rows.swapAt(1, 2)  // #1001, #1002, #1001, #1003
        export.rows.insert([:], at: 2)  // and a blank line, which spreadsheets leave behind
        let result = ShopifyOrderImport.parse(export.csv())
        #expect(result.isClean)
        #expect(result.rowCount == 4)
        #expect(result.orders == [order1001, order1002, order1003])
    }

    @Test func orderFieldsComeFromTheFirstRowWithAnEmail() {
        var export = threeOrders
        export.rows.swapAt(0, 1)  // the bare line-item row of #1001 now comes first...
        export.rows[0]["Email"] = ""  // ...and, as the brief describes such rows, without an email
        let result = ShopifyOrderImport.parse(export.csv())
        var expected = order1001
        expected.lines.reverse()
        #expect(result.isClean)
        #expect(result.orders == [expected, order1002, order1003])
    }

    @Test(arguments: [
        ("Email", "someone@else.com", "Email: \"someone@else.com\" differs from \"ada@example.com\" on row 2 of order #1001"),
        ("Currency", "usd", "Currency: \"usd\" differs from \"EUR\" on row 2 of order #1001"),
        ("Id", "999", "Id: \"999\" differs from \"5801234567890\" on row 2 of order #1001"),
    ])
    func rowsOfOneNameMustAgreeOnTheOrder(column: String, value: String, reason: String) {
        let result = ShopifyOrderImport.parse(threeOrders.setting(column, to: value, onRow: 3).csv())
        #expect(result.rejected == [
            sibling(row: 2, of: "#1001"),
            ShopifyRejectedRow(row: 3, column: column, value: value, reason: reason),
        ])
        #expect(result.orders.map(\.name) == ["#1002", "#1003"])
    }

    @Test func rowWithoutNameIsRejectedOnItsOwn() {
        let result = ShopifyOrderImport.parse(threeOrders.setting("Name", to: " ", onRow: 4).csv())
        #expect(result.rejected == [
            ShopifyRejectedRow(row: 4, column: "Name", value: "",
                               reason: "Name: is empty; the row cannot be matched to an order"),
        ])
        #expect(result.orders == [order1001, order1003])
    }

    @Test func orderWithoutShippingAddressHasNone() {
        var export = threeOrders
        for column in shopifyHeader where column.hasPrefix("Shipping ") && column != "Shipping Method" {
            export.rows[3][column] = nil
        }
        let result = ShopifyOrderImport.parse(export.csv())
        #expect(result.isClean)
        #expect(result.orders.last?.shippingAddress == nil)
    }

    @Test func twentyThousandGeneratedRows() throws {
        let linesPerOrder = 4
        let orderCount = 5_000
        var text = "Name,Email,Currency,Created at,Total,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Notes\n"
        for order in 1...orderCount {
            for line in 1...linesPerOrder {
                let orderFields = line == 1 ? "buyer\(order)@example.com,EUR,2024-12-01 10:15:00 +0100,1\(order).00" : ",,,"
                text += "#\(order),\(orderFields),\(line),\"Item \(line), blue\",\(line).50,SKU-\(line),\"a \"\"note\"\"\"\n"
            }
        }
        let result = ShopifyOrderImport.parse(text)
        #expect(result.rejected == [])
        #expect(result.rowCount == orderCount * linesPerOrder)
        #expect(result.orders.count == orderCount)
        #expect(result.orders.reduce(0) { $0 + $1.lines.count } == orderCount * linesPerOrder)
        let last = try #require(result.orders.last)
        #expect(last.name == "#5000" && last.total == eur(150_0000) && last.lines[3].unitPrice == eur(450))
    }
}

// MARK: - Amounts and timestamps

@Suite("Amounts")
struct ShopifyAmountTests {
    @Test(arguments: [
        ("19.99", "USD", 1999), ("19.9", "USD", 1990), ("20", "USD", 2000), ("1,234.50", "USD", 123_450),
        ("12,345,678.01", "EUR", 1_234_567_801), (" 0.00 ", "EUR", 0), ("-0.00", "EUR", 0),
        ("1500", "JPY", 1500), ("1,500", "KRW", 1500), ("1500.00", "JPY", 1500), ("1.234", "KWD", 1234),
        ("1.2", "BHD", 1200), ("19.990", "USD", 1999),
    ])
    func readsExactMinorUnits(text: String, currency: String, minor: Int) throws {
        #expect(try ShopifyAmount.parse(text, currency: currency) == Money(minor: minor, currency: currency))
    }

    @Test(arguments: [
        ("19.999", "USD", ShopifyAmountProblem.tooManyDecimals(currency: "USD", allowed: 2)),
        ("1500.5", "JPY", .tooManyDecimals(currency: "JPY", allowed: 0)),
        ("1.2345", "KWD", .tooManyDecimals(currency: "KWD", allowed: 3)),
        ("-5.00", "USD", .negative),
        ("12,90", "EUR", .notAnAmount), ("1,23.00", "USD", .notAnAmount), ("1234,567", "USD", .notAnAmount),
        (",123", "USD", .notAnAmount), ("19.", "USD", .notAnAmount), (".50", "USD", .notAnAmount),
        ("$5", "USD", .notAnAmount), ("5 USD", "USD", .notAnAmount), ("", "USD", .notAnAmount),
        ("1.2.3", "USD", .notAnAmount), ("99999999999999999999", "USD", .tooLarge),
    ])
    func refusesWhatIsNotAnExactAmount(text: String, currency: String, problem: ShopifyAmountProblem) {
        #expect(throws: problem) { try ShopifyAmount.parse(text, currency: currency) }
    }
}

@Suite("Timestamps")
struct ShopifyTimestampTests {
    @Test(arguments: [
        ("2024-12-01 10:15:00 +0100", Int64(1_733_044_500_000)),
        ("2024-12-01T10:15:00Z", 1_733_048_100_000),
        ("2024-12-01T10:15:00+01:00", 1_733_044_500_000),
        ("2024-12-01T10:15:00.250-05:30", 1_733_067_900_250),
        ("2024-12-01T10:15+01", 1_733_044_500_000),
        ("2024-02-29 00:00:00 +0000", 1_709_164_800_000),
        ("1969-12-31T23:59:59Z", -1000),
    ])
    func readsShopifyAndISOTimestamps(text: String, milliseconds: Int64) {
        #expect(ShopifyTimestamp.milliseconds(text) == milliseconds)
    }

    @Test(arguments: [
        "2024-12-01 10:15:00", "2023-02-29 10:00:00 +0000", "2024-13-01 10:00:00 +0000",
        "2024-12-01 24:00:00 +0000", "01/12/2024 10:15 +0100", "2024-12-01 10:15:00 +0100 CET",
        "2024-12-01T10:15:00.Z", "2024-12-01 10:15:00 +2500", "",
    ])
    func refusesTimestampsWithoutAZoneOrImpossibleDates(text: String) {
        #expect(ShopifyTimestamp.milliseconds(text) == nil)
    }
}
