import CasebookCore
import Hummingbird
import Logging

/// The request context: the framework's storage plus who is signed in.
public struct CasebookContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var actor: Actor?
    public var actorEmail: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
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
