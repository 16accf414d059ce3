/// Why a send failed, split the way a retrying outbox needs it.
///
/// - `transient`: try again later. 4xx replies, connection refused/reset/closed, DNS failure, timeouts, TLS
///   handshake failures, protocol violations, and local problems that are not the message's fault (a server
///   that does not offer STARTTLS when `starttls=required`, refusing to send credentials unencrypted).
///   `code` is the server's reply code when there was one.
/// - `permanent`: the server said 5xx; retrying the same message will fail the same way. Authentication
///   failures (5xx to AUTH) are permanent too, and their message starts with "authentication failed" so a
///   caller can tell a configuration problem from a bad message (see `isAuthenticationFailure`).
///   A few client-side checks use the code a server would have used (501 for an envelope address that cannot
///   be sent, 552 for a message over the server's declared SIZE); their message says "(client-side check)".
///
/// `message` always names the phase and, when the server answered, quotes its reply, e.g.
/// `RCPT TO <x@y>: 550 5.1.1 no such user`.
public enum SMTPError: Error, CustomStringConvertible, Sendable, Equatable {
    case transient(code: Int?, message: String)
    case permanent(code: Int, message: String)

    public var isPermanent: Bool {
        if case .permanent = self { return true }
        return false
    }

    /// The server's reply code, when the failure was a reply.
    public var code: Int? {
        switch self {
        case .transient(let code, _): return code
        case .permanent(let code, _): return code
        }
    }

    public var message: String {
        switch self {
        case .transient(_, let message), .permanent(_, let message): return message
        }
    }

    /// True when the failure is about the configured credentials (the server refused them, or no usable AUTH
    /// mechanism / no encryption to send them over). Retrying other messages will fail the same way until the
    /// configuration changes.
    public var isAuthenticationFailure: Bool {
        message.hasPrefix(SMTPError.authenticationFailedPrefix)
    }

    public var description: String {
        switch self {
        case .transient(_, let message): return "temporary SMTP failure: \(message)"
        case .permanent(_, let message): return "permanent SMTP failure: \(message)"
        }
    }

    static let authenticationFailedPrefix = "authentication failed"

    /// The error for a reply that is not the expected success, classified by its first digit.
    static func reply(_ reply: SMTPReply, phase: String) -> SMTPError {
        let message = "\(phase): \(reply)"
        if reply.code >= 500 && reply.code < 600 {
            return .permanent(code: reply.code, message: message)
        }
        return .transient(code: reply.code, message: message)
    }
}
