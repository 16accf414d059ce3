/// Where and how to send mail, usually read from `SMTP_URL`.
///
/// ```
/// smtp://[user[:pass]@]host[:port][?starttls=required|opportunistic|never][&helo=NAME][&timeout=SECONDS]
/// smtps://[user[:pass]@]host[:port][?...]                       (TLS from the first byte)
/// ```
///
/// - Ports: 25 for `smtp://`, 465 for `smtps://` unless given.
/// - `user` and `pass` are percent-decoded; characters `@ : / ? # %` in them must be percent-encoded
///   (an `@` in the user name is tolerated: the last `@` ends the user info).
/// - `starttls` (smtp:// only): `opportunistic` (default) upgrades when the server offers STARTTLS;
///   `required` fails when it does not; `never` stays in plaintext (local relays).
/// - `helo=NAME`: the name sent with EHLO/HELO (default: this host's name if it is fully qualified, else the
///   address literal of the local end of the connection, e.g. `[127.0.0.1]`).
/// - `timeout=SECONDS`: overrides all three timeouts (connect, each reply, sending the data and its reply).
///   Defaults: 30 s, 60 s, 120 s.
/// - `tls_verify=false` (or `insecure=1`): accept any certificate (self-signed relays, tests).
///   `tls_ca=PATH`: trust the CA certificates in this PEM file in addition to verifying the host name.
/// - `auth=plain|login`: force a SASL mechanism (default: PLAIN if offered, else LOGIN).
/// - Credentials are sent only over TLS, unless the host is a loopback address (`localhost`, `127.x.x.x`,
///   `::1`) or `allow_plaintext_auth=1` is given. Otherwise sending fails rather than exposing the password.
///
/// Unknown parameters are an error, so a typo does not silently change nothing. The password never appears
/// in `description`, `debugDescription` or a mirror.
public struct SMTPConfiguration: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public enum STARTTLSPolicy: String, Sendable, Equatable, CaseIterable {
        case required, opportunistic, never
    }

    public struct Credentials: Sendable, Equatable, CustomStringConvertible {
        public var username: String
        public var password: String
        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
        public var description: String { "\(username):***" }
    }

    public struct Timeouts: Sendable, Equatable {
        /// TCP connect (and, for smtps://, nothing more: the handshake counts toward the greeting).
        public var connect: Duration
        /// Waiting for each reply (greeting, EHLO, STARTTLS handshake, AUTH, MAIL, RCPT, DATA, QUIT).
        public var command: Duration
        /// Sending the message after 354 and waiting for the reply to its final dot.
        public var data: Duration

        public init(connect: Duration = .seconds(30), command: Duration = .seconds(60), data: Duration = .seconds(120)) {
            self.connect = connect
            self.command = command
            self.data = data
        }

        public init(all: Duration) {
            self.init(connect: all, command: all, data: all)
        }
    }

    /// Host name or IP address (IPv6 without brackets).
    public var host: String
    public var port: Int
    /// TLS from the first byte (`smtps://`).
    public var implicitTLS: Bool
    /// Ignored when `implicitTLS`.
    public var startTLS: STARTTLSPolicy
    public var credentials: Credentials?
    public var heloName: String?
    public var timeouts: Timeouts
    /// False accepts any certificate (log a warning when you use it).
    public var verifyCertificates: Bool
    /// A PEM file of extra trusted CA certificates.
    public var trustedCAFile: String?
    /// Forces a SASL mechanism instead of choosing PLAIN, then LOGIN.
    public var authMechanism: SMTPAuthMechanism?
    /// Allows sending credentials without TLS to a non-loopback host.
    public var allowPlaintextAuth: Bool

    public init(
        host: String,
        port: Int? = nil,
        implicitTLS: Bool = false,
        startTLS: STARTTLSPolicy = .opportunistic,
        credentials: Credentials? = nil,
        heloName: String? = nil,
        timeouts: Timeouts = Timeouts(),
        verifyCertificates: Bool = true,
        trustedCAFile: String? = nil,
        authMechanism: SMTPAuthMechanism? = nil,
        allowPlaintextAuth: Bool = false
    ) {
        self.host = host
        self.port = port ?? (implicitTLS ? 465 : 25)
        self.implicitTLS = implicitTLS
        self.startTLS = startTLS
        self.credentials = credentials
        self.heloName = heloName
        self.timeouts = timeouts
        self.verifyCertificates = verifyCertificates
        self.trustedCAFile = trustedCAFile
        self.authMechanism = authMechanism
        self.allowPlaintextAuth = allowPlaintextAuth
    }

    /// Parses an `smtp://` or `smtps://` URL (see the type's documentation).
    public init(url: String) throws(SMTPConfigurationError) {
        self = try SMTPURLParser.parse(url)
    }

    /// True for `localhost`, `127.0.0.0/8` and `::1`: credentials may go there without TLS.
    public var hostIsLoopback: Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered.hasSuffix(".localhost") || lowered == "::1" { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Whether credentials may be sent over a connection without TLS.
    var plaintextAuthPermitted: Bool { allowPlaintextAuth || hostIsLoopback }

    /// The URL again, password replaced by `***`, defaults spelled out.
    public var description: String {
        var out = implicitTLS ? "smtps://" : "smtp://"
        if let credentials { out += "\(credentials.username):***@" }
        out += host.contains(":") ? "[\(host)]" : host
        out += ":\(port)"
        var parameters: [String] = []
        if !implicitTLS { parameters.append("starttls=\(startTLS.rawValue)") }
        if let heloName { parameters.append("helo=\(heloName)") }
        if timeouts != Timeouts() {
            if timeouts.connect == timeouts.command && timeouts.command == timeouts.data {
                parameters.append("timeout=\(Self.seconds(timeouts.connect))")
            } else {
                parameters.append("timeouts=\(Self.seconds(timeouts.connect))/\(Self.seconds(timeouts.command))/\(Self.seconds(timeouts.data))")
            }
        }
        if !verifyCertificates { parameters.append("tls_verify=false") }
        if let trustedCAFile { parameters.append("tls_ca=\(trustedCAFile)") }
        if let authMechanism { parameters.append("auth=\(authMechanism.rawValue.lowercased())") }
        if allowPlaintextAuth { parameters.append("allow_plaintext_auth=1") }
        if !parameters.isEmpty { out += "?" + parameters.joined(separator: "&") }
        return out
    }

    /// `2.5`, `30` — seconds as written in a URL.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 { return String(milliseconds / 1000) }
        return String(Double(milliseconds) / 1000)
    }

    public var debugDescription: String { "SMTPConfiguration(\(description))" }

    public var customMirror: Mirror {
        Mirror(self, children: ["url": description], displayStyle: .struct)
    }
}

/// An `SMTP_URL` that cannot be used; `description` says what is wrong (it never contains the password).
public struct SMTPConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "invalid SMTP URL: \(reason)" }
}

/// The hand-written parser behind `SMTPConfiguration(url:)` (Foundation's URL parsing is lenient in ways that
/// differ between platforms, and it would print the password in its errors).
enum SMTPURLParser {
    static let syntax = "smtp[s]://[user[:password]@]host[:port][?starttls=required|opportunistic|never&helo=NAME&timeout=SECONDS]"

    static func parse(_ input: String) throws(SMTPConfigurationError) -> SMTPConfiguration {
        let url = input.trimmingWhitespace()
        guard !url.isEmpty else { throw SMTPConfigurationError("it is empty; expected \(syntax)") }
        guard let schemeEnd = url.firstRange(of: "://") else {
            throw SMTPConfigurationError("no scheme; expected \(syntax)")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let implicitTLS: Bool
        switch scheme {
        case "smtp": implicitTLS = false
        case "smtps": implicitTLS = true
        default:
            throw SMTPConfigurationError("unsupported scheme \"\(scheme)\"; expected smtp:// or smtps://")
        }
        var rest = Substring(url[schemeEnd.upperBound...])

        // Query: after the first "?" that follows the user info.
        let atIndex = rest.lastIndex(of: "@")
        let searchStart = atIndex.map { rest.index(after: $0) } ?? rest.startIndex
        var query: Substring?
        if let questionMark = rest[searchStart...].firstIndex(of: "?") {
            query = rest[rest.index(after: questionMark)...]
            rest = rest[..<questionMark]
        }
        // A trailing "/" is fine; any other path is a mistake.
        if let slash = rest[searchStart...].firstIndex(of: "/") {
            let path = rest[slash...]
            guard path == "/" else {
                throw SMTPConfigurationError("unexpected path \"\(path)\" after the host (an SMTP URL has none; percent-encode \"/\" in a password as %2F)")
            }
            rest = rest[..<slash]
        }

        var credentials: SMTPConfiguration.Credentials?
        var hostPort = rest
        if let atIndex {
            let userInfo = rest[..<atIndex]
            hostPort = rest[rest.index(after: atIndex)...]
            let user: Substring
            let password: Substring
            if let colon = userInfo.firstIndex(of: ":") {
                user = userInfo[..<colon]
                password = userInfo[userInfo.index(after: colon)...]
            } else {
                user = userInfo
                password = ""
            }
            let decodedUser = try percentDecode(user, what: "user name")
            let decodedPassword = try percentDecode(password, what: "password", quote: false)
            guard !decodedUser.isEmpty else { throw SMTPConfigurationError("empty user name before \"@\"") }
            credentials = .init(username: decodedUser, password: decodedPassword)
        }

        let (host, port) = try parseHostPort(hostPort, implicitTLS: implicitTLS)
        var configuration = SMTPConfiguration(host: host, port: port, implicitTLS: implicitTLS, credentials: credentials)

        guard let query, !query.isEmpty else { return configuration }
        var seen: Set<String> = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let key: String
            let rawValue: Substring
            if let equals = pair.firstIndex(of: "=") {
                key = String(pair[..<equals]).lowercased()
                rawValue = pair[pair.index(after: equals)...]
            } else {
                key = String(pair).lowercased()
                rawValue = ""
            }
            let value = try percentDecode(rawValue, what: "value of \(key)")
            guard seen.insert(key).inserted else { throw SMTPConfigurationError("parameter \(key) given twice") }
            switch key {
            case "starttls":
                guard let policy = SMTPConfiguration.STARTTLSPolicy(rawValue: value.lowercased()) else {
                    throw SMTPConfigurationError("starttls=\(value) is not one of required, opportunistic, never")
                }
                guard !implicitTLS else {
                    throw SMTPConfigurationError("starttls has no meaning for smtps:// (TLS from the start); use smtp:// with starttls=\(value), or drop the parameter")
                }
                configuration.startTLS = policy
            case "helo", "ehlo":
                guard !value.isEmpty, value.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
                    throw SMTPConfigurationError("\(key)=\(value) must be a non-empty host name without spaces")
                }
                configuration.heloName = value
            case "timeout":
                guard let seconds = Double(value), seconds > 0, seconds.isFinite, seconds <= 86_400 else {
                    throw SMTPConfigurationError("timeout=\(value) is not a number of seconds between 0 and 86400")
                }
                configuration.timeouts = .init(all: .milliseconds(Int64((seconds * 1000).rounded())))
            case "tls_verify":
                configuration.verifyCertificates = try parseBool(value, key: key)
            case "insecure":
                configuration.verifyCertificates = try !parseBool(value.isEmpty ? "1" : value, key: key)
            case "tls_ca":
                guard !value.isEmpty else { throw SMTPConfigurationError("tls_ca needs a path to a PEM file") }
                configuration.trustedCAFile = value
            case "auth":
                guard let mechanism = SMTPAuthMechanism(rawValue: value.uppercased()) else {
                    throw SMTPConfigurationError("auth=\(value) is not one of plain, login")
                }
                configuration.authMechanism = mechanism
            case "allow_plaintext_auth":
                configuration.allowPlaintextAuth = try parseBool(value.isEmpty ? "1" : value, key: key)
            default:
                throw SMTPConfigurationError("unknown parameter \"\(key)\" (known: starttls, helo, timeout, tls_verify, insecure, tls_ca, auth, allow_plaintext_auth)")
            }
        }
        if seen.contains("tls_verify") && seen.contains("insecure") {
            throw SMTPConfigurationError("give tls_verify or insecure, not both")
        }
        if configuration.authMechanism != nil && configuration.credentials == nil {
            throw SMTPConfigurationError("auth=\(configuration.authMechanism!.rawValue.lowercased()) without a user name in the URL")
        }
        return configuration
    }

    static func parseHostPort(_ text: Substring, implicitTLS: Bool) throws(SMTPConfigurationError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw SMTPConfigurationError("IPv6 address \"\(text)\" lacks its closing \"]\"")
            }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw SMTPConfigurationError("unexpected \"\(after)\" after the IPv6 address")
                }
                portText = after.dropFirst()
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw SMTPConfigurationError("\"\(host)\" is not an IPv6 address")
            }
        } else {
            if let colon = text.firstIndex(of: ":") {
                host = text[..<colon]
                portText = text[text.index(after: colon)...]
            } else {
                host = text
            }
            guard !host.isEmpty else {
                throw SMTPConfigurationError("no host name; expected \(syntax)")
            }
            let allowed = host.unicodeScalars.allSatisfy {
                ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0x41 && $0.value <= 0x5A)
                    || ($0.value >= 0x61 && $0.value <= 0x7A) || $0 == "-" || $0 == "." || $0 == "_"
            }
            guard allowed else {
                throw SMTPConfigurationError("host \"\(host)\" contains characters a host name cannot have (if they belong to the password, percent-encode @ : / ? # % there)")
            }
        }
        var port = implicitTLS ? 465 : 25
        if let portText {
            guard let number = Int(portText), number >= 1, number <= 65535 else {
                throw SMTPConfigurationError("port \"\(portText)\" is not a number between 1 and 65535")
            }
            port = number
        }
        return (String(host).lowercased(), port)
    }

    static func parseBool(_ value: String, key: String) throws(SMTPConfigurationError) -> Bool {
        switch value.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw SMTPConfigurationError("\(key)=\(value) is not a boolean (true/false, 1/0, yes/no)")
        }
    }

    /// Decodes `%XX` escapes as UTF-8. `quote: false` keeps the text out of the error (for the password).
    static func percentDecode(_ text: Substring, what: String, quote: Bool = true) throws(SMTPConfigurationError) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%") {
                guard index + 2 < utf8.count, let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) else {
                    let shown = quote ? " \"\(text)\"" : ""
                    throw SMTPConfigurationError("bad percent-escape in the \(what)\(shown): \"%\" must be followed by two hex digits (write a literal \"%\" as %25)")
                }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw SMTPConfigurationError("the \(what) is not valid UTF-8 after percent-decoding")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
