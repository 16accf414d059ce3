import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SQLKit

/// Files: `POST /api/v2/uploads` (Zendesk's upload tokens, used in `comment.uploads`), attachment details, and the
/// content itself, served only to those who may see the comment it belongs to, never run by the browser.
struct AttachmentRoutes {
    let database: Database
    let settings: MailSettings

    /// Where a file is served to browsers (session) and API clients alike.
    static func path(for file: AttachmentStore.Record) -> String {
        "/attachments/\(file.id)/" + percentEncoded(file.fileName)
    }

    func register(api: RouterGroup<CasebookContext>, web: RouterGroup<CasebookContext>) {
        api.post("uploads", use: upload)
        api.delete("uploads/:token", use: deleteUpload)
        api.get("attachments/:id", use: show)
        api.get("attachments/:id/content", use: content)
        web.get("attachments/:id/:name", use: content)
    }

    @Sendable func upload(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        guard let name = request.uri.queryParameters["filename"].map(String.init), !name.isEmpty else {
            throw APIError.invalid("filename", "Filename: required as a query parameter (?filename=…)", error: "BlankValue")
        }
        let data = try await Self.collect(request, limit: settings.maxAttachmentBytes)
        guard data.readableBytes > 0 else { throw APIError.badRequest("The upload is empty") }
        let existing = request.uri.queryParameters["token"].map(String.init)
        let token = existing ?? WebTokens.generate()
        let type = request.headers[.contentType] ?? "application/octet-stream"
        let now = Timestamp.now
        let files = try await database.write { db -> [AttachmentStore.Record] in
            let store = AttachmentStore(db: db)
            if let existing {
                // Adding a file to an upload: it must be the caller's, still pending.
                let pending = try await store.forUpload(token: existing)
                guard let first = pending.first, first.uploaderID == actor.id else {
                    throw APIError.invalid("token", "Token: no pending upload \(existing) of yours")
                }
            }
            _ = try await store.insert(Array(data.readableBytesView), fileName: name, contentType: type, uploadToken: token,
                                       uploaderID: actor.id, now: now)
            return try await store.forUpload(token: token)
        }
        let base = request.baseURL
        let upload: JSONValue = [
            "token": .string(token), "expires_at": Present.time(now + 3 * 24 * 3600 * 1000),
            "attachments": .array(files.map { Present.attachment($0, base: base) }),
            "attachment": Present.attachment(files.last!, base: base),
        ]
        return JSONResponse(["upload": upload], status: .created)
    }

    @Sendable func deleteUpload(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let token = try context.parameters.require("token")
        let deleted = try await database.write { db in
            try await AttachmentStore(db: db).deleteUpload(token: token, uploaderID: actor.id, anyUploader: actor.role == .admin)
        }
        guard deleted else { throw APIError.notFound("No pending upload \(token)") }
        return Response(status: .noContent)
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let file = try await visibleFile(context)
        return JSONResponse(["attachment": Present.attachment(file, base: request.baseURL)])
    }

    @Sendable func content(_ request: Request, context: CasebookContext) async throws -> Response {
        let file = try await visibleFile(context)
        guard let data = try await database.read({ db in try await AttachmentStore(db: db).content(sha256: file.sha256) }) else {
            throw APIError.notFound("The content of attachment \(file.id) is missing")
        }
        let shown = AttachmentStore.displayableTypes.contains(file.contentType)
        var headers: HTTPFields = [
            .contentType: shown ? file.contentType : "application/octet-stream",
            .contentDisposition: Self.disposition(file.fileName, inline: shown),
            // Never sniffed into HTML, never allowed to run anything, even when opened directly.
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Content-Security-Policy")!: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
            .cacheControl: "private, max-age=3600",
        ]
        headers[HTTPField.Name("ETag")!] = "\"\(file.sha256)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` — no quotes, no CR/LF can break out.
    static func disposition(_ name: String, inline: Bool) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        return "\(inline ? "inline" : "attachment"); filename=\"\(ascii)\"; filename*=UTF-8''\(percentEncoded(name))"
    }

    /// The attachment if the caller may see it: its ticket is visible to them and, for customers, it is on a public
    /// comment; an upload not yet used is visible to its uploader only.
    private func visibleFile(_ context: CasebookContext) async throws -> AttachmentStore.Record {
        let actor = try context.requireActor()
        let id = try context.parameters.id()
        return try await database.read { db in
            guard let file = try await AttachmentStore(db: db).find(id: id) else { throw APIError.notFound() }
            guard let ticketID = file.ticketID, let commentID = file.commentID else {
                guard file.uploaderID == actor.id || actor.role == .admin else { throw APIError.notFound() }
                return file
            }
            _ = try await TicketService(database: database).visibleTicket(ticketID, to: actor, db: db)
            if !actor.role.allows(.viewInternalNotes) {
                let isPublic = try await db.raw("SELECT public FROM comments WHERE id = \(bind: commentID)").first()?
                    .decode(column: "public", as: Bool.self) ?? false
                guard isPublic else { throw APIError.notFound() }
            }
            return file
        }
    }

    /// The raw request body, at most `limit` bytes (413 beyond).
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        try await request.collectedBody(upTo: limit, tooLarge: "The body is larger than the \(limit / 1_048_576) MB limit")
    }
}
