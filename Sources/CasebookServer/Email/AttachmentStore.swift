import Crypto
import Foundation
import SQLKit

/// Files on tickets. Contents are stored once per SHA-256 (`blobs`), so the same logo in a hundred signatures, or a
/// message delivered twice, costs its bytes once; `attachments` rows say where each file belongs.
struct AttachmentStore: Sendable {
    let db: any SQLDatabase

    struct Record: Sendable, Equatable {
        var id: Int
        var sha256: String
        var fileName: String
        var contentType: String
        var size: Int
        var isInline: Bool
        var contentID: String?
        var ticketID: Int?
        var commentID: Int?
        var uploadToken: String?
        var uploaderID: Int?
        var createdAt: Int64
    }

    static func digest(_ data: [UInt8]) -> String {
        APITokens.hex(SHA256.hash(data: data))
    }

    /// Stores `data` (once per content) and an attachment row for it.
    func insert(_ data: [UInt8], fileName: String, contentType: String, isInline: Bool = false, contentID: String? = nil,
                ticketID: Int? = nil, commentID: Int? = nil, uploadToken: String? = nil, uploaderID: Int? = nil,
                now: Int64 = Timestamp.now) async throws -> Record {
        let sha = Self.digest(data)
        try await db.raw("""
            INSERT INTO blobs (sha256, size, data, created_at) VALUES (\(bind: sha), \(bind: data.count), \(bind: Data(data)), \(bind: now))
            ON CONFLICT (sha256) DO NOTHING
            """).run()
        let name = Self.safeFileName(fileName)
        let type = Self.normalizedType(contentType)
        let id = try await db.raw("""
            INSERT INTO attachments (sha256, file_name, content_type, size, inline, content_id, ticket_id, comment_id,
                                     upload_token, uploader_id, created_at)
            VALUES (\(bind: sha), \(bind: name), \(bind: type), \(bind: data.count), \(bind: isInline), \(bind: contentID),
                    \(bind: ticketID), \(bind: commentID), \(bind: uploadToken), \(bind: uploaderID), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        return Record(id: id, sha256: sha, fileName: name, contentType: type, size: data.count, isInline: isInline,
                      contentID: contentID, ticketID: ticketID, commentID: commentID, uploadToken: uploadToken,
                      uploaderID: uploaderID, createdAt: now)
    }

    static let columns = """
        id, sha256, file_name, content_type, size, inline, content_id, ticket_id, comment_id, upload_token, uploader_id, created_at
        """

    func find(id: Int) async throws -> Record? {
        try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM attachments WHERE id = \(bind: id)").first().map(Self.decode)
    }

    func forComments(_ ids: [Int]) async throws -> [Int: [Record]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM attachments WHERE comment_id IN (\(binds: ids)) ORDER BY id
            """).all().map(Self.decode)
        return Dictionary(grouping: rows, by: { $0.commentID ?? 0 })
    }

    func forUpload(token: String) async throws -> [Record] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM attachments WHERE upload_token = \(bind: token) AND comment_id IS NULL ORDER BY id
            """).all().map(Self.decode)
    }

    /// Moves the files of uploads onto a comment. Returns the tokens that named nothing the uploader may use.
    func claim(tokens: [String], commentID: Int, ticketID: Int, uploaderID: Int, anyUploader: Bool) async throws -> [String] {
        var unknown: [String] = []
        for token in tokens {
            let owner: SQLQueryString = anyUploader ? "" : " AND uploader_id = \(bind: uploaderID)"
            let claimed = try await db.raw("""
                UPDATE attachments SET comment_id = \(bind: commentID), ticket_id = \(bind: ticketID), upload_token = NULL
                WHERE upload_token = \(bind: token) AND comment_id IS NULL\(owner) RETURNING id
                """).all()
            if claimed.isEmpty { unknown.append(token) }
        }
        return unknown
    }

    /// Uploads never used within `age` are removed (their blobs stay if anything else uses them).
    func deleteStaleUploads(olderThan cutoff: Int64) async throws {
        try await db.raw("DELETE FROM attachments WHERE comment_id IS NULL AND upload_token IS NOT NULL AND created_at < \(bind: cutoff)").run()
        try await db.raw("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments)").run()
    }

    func deleteUpload(token: String, uploaderID: Int, anyUploader: Bool) async throws -> Bool {
        let owner: SQLQueryString = anyUploader ? "" : " AND uploader_id = \(bind: uploaderID)"
        return !(try await db.raw("""
            DELETE FROM attachments WHERE upload_token = \(bind: token) AND comment_id IS NULL\(owner) RETURNING id
            """).all()).isEmpty
    }

    func content(sha256: String) async throws -> [UInt8]? {
        try await db.raw("SELECT data FROM blobs WHERE sha256 = \(bind: sha256)").first()
            .map { [UInt8](try $0.decode(column: "data", as: Data.self)) }
    }

    static func decode(_ row: any SQLRow) throws -> Record {
        Record(id: try row.decode(column: "id", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
               fileName: try row.decode(column: "file_name", as: String.self),
               contentType: try row.decode(column: "content_type", as: String.self),
               size: try row.decode(column: "size", as: Int.self), isInline: try row.decode(column: "inline", as: Bool.self),
               contentID: try row.decode(column: "content_id", as: String?.self),
               ticketID: try row.decode(column: "ticket_id", as: Int?.self),
               commentID: try row.decode(column: "comment_id", as: Int?.self),
               uploadToken: try row.decode(column: "upload_token", as: String?.self),
               uploaderID: try row.decode(column: "uploader_id", as: Int?.self),
               createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    /// A file name safe to store and show: no path, no control characters, not empty, at most 200 characters.
    static func safeFileName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        if cleaned.isEmpty { cleaned = "attachment" }
        return String(cleaned.prefix(200))
    }

    static func normalizedType(_ type: String) -> String {
        let t = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let parts = t.split(separator: "/")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } })
        else { return "application/octet-stream" }
        return t
    }

    /// Types a browser may show in place: images that cannot run script. Everything else downloads.
    static let displayableTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"]

    static func imageTypes(_ type: String) -> Bool { ["image/png", "image/jpeg", "image/gif", "image/webp"].contains(type) }
}
