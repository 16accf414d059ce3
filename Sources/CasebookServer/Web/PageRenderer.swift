import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore

/// Renders pages from the Mustache templates compiled into the binary (so a single executable is the whole app).
/// Mustache escapes every `{{value}}` for HTML; templates use `{{{…}}}` only for HTML we sanitized ourselves.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for (name, text) in PageTemplates.all {
            do { try library.register(text, named: name) } catch {
                preconditionFailure("template \(name) does not parse: \(error)")
            }
        }
        self.library = library
    }

    func render(_ template: String, _ model: Any) -> String {
        guard let html = library.render(model, withTemplate: template) else {
            preconditionFailure("no template named \(template)")
        }
        return html
    }

    func page(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) -> Response {
        html(render(template, model), status: status)
    }
}

func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status,
             headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                       HTTPField.Name("X-Frame-Options")!: "DENY",
                       HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                       HTTPField.Name("Referrer-Policy")!: "same-origin",
                       HTTPField.Name("Content-Security-Policy")!:
                           "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"],
             body: .init(byteBuffer: ByteBuffer(string: text)))
}

/// After a successful POST: go to a page with GET (303), so reloading does not resend the form.
func seeOther(_ location: String) -> Response { .redirect(to: location, type: .normal) }

/// What every page's frame needs: who is signed in, their CSRF token, the title, messages.
struct Chrome: Sendable {
    var title: String
    var userName: String?
    var csrf: String
    var isStaff = false
    var isAdmin = false
    var isCustomer = false
    var query = ""
    var errors: [String] = []
    var notices: [String] = []
    /// Marks the page for live updates (the script connects only where this is set).
    var live: String?
    var ticketID: Int?
    /// The signed-in agent's presence choices for the header (staff only).
    var presence: [Option] = []
    var canSeeTeam = false
    /// Catalogue and stock work, the Shopify import among it.
    var canManageInventory = false
    /// The signed-in agent's unread notifications, for the header (counted per page by `UnreadNotificationsMiddleware`).
    var unreadNotifications: Int? = UnreadNotificationsMiddleware.count

    init(title: String, csrf: String) {
        self.title = title
        self.csrf = csrf
    }

    init(title: String, context: CasebookContext, csrf: String? = nil) {
        self.title = title
        userName = context.session != nil ? context.actorName : nil
        self.csrf = csrf ?? context.session?.csrfToken ?? ""
        if context.session != nil, let role = context.actor?.role {
            isStaff = role.isStaff
            isAdmin = role == .admin
            isCustomer = role == .endUser
            canSeeTeam = role.allows(.viewTeamBoard)
            canManageInventory = role.allows(.manageInventory)
            if role.isStaff {
                let current = context.session?.presence ?? "offline"
                presence = ["online", "away", "offline"].map { Option(value: $0, label: $0.capitalized, selected: $0 == current) }
            }
        }
    }
}
