import CasebookCore
import Hummingbird
import Logging

/// The request context: the framework's storage plus who is signed in.
public struct CasebookContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var actor: Actor?
    public var actorEmail: String?
    public var actorName: String?
    /// The browser session, when signed in through the web (not the API).
    var session: WebSession?
    /// A form body already read (the CSRF check reads it first).
    var form: QueryItems?
    /// Files of a `multipart/form-data` form.
    var files: [MultipartForm.File] = []
    /// The peer's address, for the sign-in back-off ("local" when there is no socket, as in tests).
    public let remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// Ticket and user bodies are small; uploads come with their own limit (issue on email).
    public var maxUploadSize: Int { 1024 * 1024 }

    /// The signed-in person, or 401.
    public func requireActor() throws -> Actor {
        guard let actor else { throw APIError.unauthorized }
        return actor
    }

    /// The signed-in person if the role allows `permission`, else 401/403.
    public func require(_ permission: Permission) throws -> Actor {
        let actor = try requireActor()
        guard actor.role.allows(permission) else {
            throw APIError.forbidden("You do not have access to this page (needs \(permission.rawValue))")
        }
        return actor
    }
}
