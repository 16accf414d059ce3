import CasebookCore
import Foundation
import SQLKit

/// Assets from a CSV file (serial, sku, customer_email, organization, site, purchased_at, order_id, firmware,
/// status; a header row names the columns, in any order). All or nothing: one bad row rejects the file and the
/// report lists every rejected row with its reason. `progress` hears how many rows were checked and written.
struct AssetImport: Sendable {
    let database: Database
    let clock: AppClock

    struct Rejected: Sendable, Equatable {
        var row: Int
        var column: String
        var value: String
        var reason: String
    }

    struct Report: Sendable {
        var rows = 0
        var imported = 0
        var dryRun = false
        var fileError: String?
        var rejected: [Rejected] = []

        var json: JSONValue {
            [
                "rows": .int(rows), "imported": .int(imported), "dry_run": .bool(dryRun), "file_error": JSONValue(fileError),
                "rejected": .array(rejected.map { ["row": .int($0.row), "column": .string($0.column), "value": .string($0.value),
                                                    "reason": .string($0.reason)] }),
            ]
        }
    }

    static let columns = ["serial", "sku", "customer_email", "organization", "site", "purchased_at", "order_id", "firmware", "status"]

    func run(_ text: String, dryRun: Bool, progress: (@Sendable (Int, Int) async -> Void)?) async throws -> Report {
        var report = Report(dryRun: dryRun)
        let rows: [[String]]
        do throws(CSVError) { rows = try CSV.rows(text) } catch {
            report.fileError = "The file is not valid CSV: \(error.description)"
            return report
        }
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }), header.contains("serial") else {
            report.fileError = "The first row must name the columns, including serial (known: \(Self.columns.joined(separator: ", ")))"
            return report
        }
        let unknown = header.filter { !Self.columns.contains($0) && !$0.isEmpty }
        if !unknown.isEmpty {
            report.fileError = "Unknown columns: \(unknown.joined(separator: ", ")) (known: \(Self.columns.joined(separator: ", ")))"
            return report
        }
        let body = Array(rows.dropFirst()).filter { !$0.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        report.rows = body.count
        let now = clock.now()
        let start = report
        let final = try await database.write { db -> Report in
            var report = start
            var assets: [AssetRecord] = []
            var seen: [String: Int] = [:]
            for (index, fields) in body.enumerated() {
                let line = index + 2
                var object = JSONObject()
                func value(_ column: String) -> String {
                    guard let i = header.firstIndex(of: column), i < fields.count else { return "" }
                    return fields[i].trimmingCharacters(in: .whitespaces)
                }
                let serial = value("serial")
                if let first = seen[serial], !serial.isEmpty {
                    report.rejected.append(.init(row: line, column: "serial", value: serial, reason: "also on row \(first)"))
                    continue
                }
                seen[serial] = line
                object["serial"] = .string(serial)
                for column in ["sku", "site", "firmware", "status", "purchased_at"] where !value(column).isEmpty {
                    object[column] = .string(value(column))
                }
                if !value("order_id").isEmpty {
                    guard let id = Int(value("order_id")) else {
                        report.rejected.append(.init(row: line, column: "order_id", value: value("order_id"), reason: "not an order number"))
                        continue
                    }
                    object["order_id"] = .int(id)
                }
                if !value("customer_email").isEmpty {
                    guard let user = try await UserStore(db: db).find(email: value("customer_email")) else {
                        report.rejected.append(.init(row: line, column: "customer_email", value: value("customer_email"),
                                                     reason: "no customer with this email; add or import the people first"))
                        continue
                    }
                    object["customer_id"] = .int(user.id)
                }
                if !value("organization").isEmpty {
                    guard let org = try await OrganizationStore(db: db).find(name: value("organization")) else {
                        report.rejected.append(.init(row: line, column: "organization", value: value("organization"), reason: "no organization by this name"))
                        continue
                    }
                    object["organization_id"] = .int(org.id)
                }
                do {
                    assets.append(try await HardwareAssetRoutes.read(object, into: nil, now: now, db: db))
                } catch let error as APIError {
                    for (field, details) in error.details?.details ?? [:] {
                        for detail in details {
                            report.rejected.append(.init(row: line, column: field, value: value(field), reason: detail.description))
                        }
                    }
                    if error.details == nil {
                        report.rejected.append(.init(row: line, column: "", value: "", reason: error.description))
                    }
                }
                if index % 500 == 499 { await progress?(index + 1, body.count) }
            }
            guard report.rejected.isEmpty, !dryRun else { return report }
            for (index, asset) in assets.enumerated() {
                _ = try await AssetStore(db: db).insert(asset)
                report.imported += 1
                if index % 500 == 499 { await progress?(index + 1, assets.count) }
            }
            return report
        }
        await progress?(final.rows, final.rows)
        return final
    }
}
