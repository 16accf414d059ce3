import CasebookCore
import Foundation
import Hummingbird
import NIOCore

/// The HTTP door for mail (`casebook mailgate` posts here) and the admin's view of what came in and went out:
/// `POST /api/v2/inbound/email` takes one raw RFC 5322 message; `/api/v2/inbound/emails` lists what was received
/// (filter `status=quarantined|held|…`), shows one, returns its original, and retries it; `/api/v2/outbox` lists
/// outgoing mail and sends a failed message again.
struct InboundRoutes {
    let database: Database
    let service: InboundMailService

    func register(on api: RouterGroup<CasebookContext>) {
        api.post("inbound/email", use: receive)
        api.get("inbound/emails", use: list)
        api.get("inbound/emails/:id", use: show)
        api.get("inbound/emails/:id/raw", use: raw)
        api.post("inbound/emails/:id/retry", use: retry)
        api.get("outbox", use: outbox)
        api.post("outbox/:id/retry", use: retryOutgoing)
    }

    @Sendable func receive(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.receiveMail)
        let queue = request.uri.queryParameters["queue"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let actionName = request.uri.queryParameters["action"].map(String.init) ?? "correspond"
        guard let action = InboundMailService.Action(rawValue: actionName) else {
            throw APIError.invalid("action", "Action: correspond or comment, not \(actionName)")
        }
        let body = try await AttachmentRoutes.collect(request, limit: service.settings.maxMessageBytes)
        guard body.readableBytes > 0 else { throw APIError.badRequest("The request body is empty; a raw RFC 5322 message was expected") }
        let received = try await service.receive([UInt8](buffer: body), source: "http", queue: queue, action: action)
        let status: HTTPResponse.Status = received.duplicate ? .ok : received.record.status == .processed ? .created : .accepted
        var object = Self.present(received.record)
        object["duplicate"] = .bool(received.duplicate)
        return JSONResponse(["inbound_email": .object(object)], status: status)
    }

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let statuses: [InboundStore.Status]
        if let name = request.uri.queryParameters["status"].map(String.init) {
            guard let status = InboundStore.Status(rawValue: name) else {
                throw APIError.invalid("status", "Status: one of \(InboundStore.Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            statuses = [status]
        } else {
            statuses = InboundStore.Status.allCases
        }
        let perPage = min(max(Int(request.uri.queryParameters["per_page"] ?? "") ?? 100, 1), 100)
        let page = max(Int(request.uri.queryParameters["page"] ?? "") ?? 1, 1)
        let (records, count) = try await database.read { db in
            let store = InboundStore(db: db)
            return (try await store.list(statuses: statuses, limit: perPage, offset: (page - 1) * perPage),
                    try await store.count(statuses: statuses))
        }
        return JSONResponse(["inbound_emails": .array(records.map { .object(Self.present($0)) }), "count": .int(count)])
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let id = try context.parameters.id()
        guard let record = try await database.read({ db in try await InboundStore(db: db).find(id: id) }) else {
            throw APIError.notFound("Inbound message \(id) not found")
        }
        return JSONResponse(["inbound_email": .object(Self.present(record))])
    }

    @Sendable func raw(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let id = try context.parameters.id()
        guard let raw = try await database.read({ db in try await InboundStore(db: db).raw(id: id) }) else {
            throw APIError.notFound("Inbound message \(id) not found")
        }
        return Response(status: .ok, headers: [.contentType: "message/rfc822", .contentDisposition: "attachment; filename=\"message-\(id).eml\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: raw)))
    }

    @Sendable func retry(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let id = try context.parameters.id()
        guard let record = try await database.read({ db in try await InboundStore(db: db).find(id: id) }) else {
            throw APIError.notFound("Inbound message \(id) not found")
        }
        guard [.quarantined, .held, .received].contains(record.status) else {
            throw APIError.invalid("status", "Only quarantined or held messages can be retried; \(id) is \(record.status.rawValue)")
        }
        let result = try await service.process(id: id, releaseHold: true)
        return JSONResponse(["inbound_email": .object(Self.present(result))])
    }

    @Sendable func outbox(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let status = try request.uri.queryParameters["status"].map { name -> OutboxStore.Status in
            guard let s = OutboxStore.Status(rawValue: String(name)) else {
                throw APIError.invalid("status", "Status: queued, sent or failed")
            }
            return s
        }
        let messages = try await database.read { db in try await OutboxStore(db: db).list(status: status, limit: 100) }
        return JSONResponse(["outbox": .array(messages.map(Self.present))])
    }

    @Sendable func retryOutgoing(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let id = try context.parameters.id()
        let done = try await database.write { db in try await OutboxStore(db: db).requeue(id: id, now: Timestamp.now) }
        guard done else { throw APIError.notFound("No unsent outgoing message \(id)") }
        return JSONResponse(["outbox_message": ["id": .int(id), "status": "queued"]])
    }

    static func present(_ r: InboundStore.Record) -> JSONObject {
        [
            "id": .int(r.id), "message_id": JSONValue(r.messageID), "from": JSONValue(r.sender), "subject": .string(r.subject),
            "size": .int(r.size), "source": .string(r.source), "queue": JSONValue(r.queue), "action": .string(r.action),
            "status": .string(r.status.rawValue), "error": JSONValue(r.error), "classification": JSONValue(r.classification),
            "ticket_id": JSONValue(r.ticketID), "comment_id": JSONValue(r.commentID), "attempts": .int(r.attempts),
            "received_at": Present.time(r.receivedAt), "processed_at": r.processedAt.map(Present.time) ?? .null,
        ]
    }

    static func present(_ m: OutboxStore.Message) -> JSONValue {
        [
            "id": .int(m.id), "kind": .string(m.kind), "to": .string(m.to), "subject": .string(m.subject),
            "message_id": JSONValue(m.messageID), "ticket_id": JSONValue(m.ticketID), "status": .string(m.status),
            "attempts": .int(m.attempts), "last_error": JSONValue(m.lastError), "created_at": Present.time(m.createdAt),
            "sent_at": m.sentAt.map(Present.time) ?? .null, "next_attempt_at": Present.time(m.nextAttemptAt),
        ]
    }
}
