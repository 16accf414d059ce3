import Testing

@testable import CasebookSMTP

struct SMTPConfigurationTests {
    func parseError(_ url: String) -> String? {
        do {
            let configuration = try SMTPConfiguration(url: url)
            Issue.record("expected \(url) to be refused, got \(configuration)")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func defaults() throws {
        let smtp = try SMTPConfiguration(url: "smtp://mail.example.test")
        #expect(smtp.host == "mail.example.test")
        #expect(smtp.port == 25)
        #expect(!smtp.implicitTLS)
        #expect(smtp.startTLS == .opportunistic)
        #expect(smtp.credentials == nil)
        #expect(smtp.heloName == nil)
        #expect(smtp.timeouts == .init(connect: .seconds(30), command: .seconds(60), data: .seconds(120)))
        #expect(smtp.verifyCertificates)
        #expect(smtp.authMechanism == nil)
        #expect(!smtp.allowPlaintextAuth)

        let smtps = try SMTPConfiguration(url: "SMTPS://Mail.Example.Test/")
        #expect(smtps.port == 465)
        #expect(smtps.implicitTLS)
        #expect(smtps.host == "mail.example.test")
    }

    @Test func everything() throws {
        let configuration = try SMTPConfiguration(
            url: "smtp://desk%40casebook.test:p%40ss%3Aw%2Fo%25rd@relay.example.test:2525?starttls=required&helo=desk.casebook.test&timeout=2.5&tls_verify=false&auth=login&allow_plaintext_auth=1&tls_ca=%2Fetc%2Fca.pem")
        #expect(configuration.host == "relay.example.test")
        #expect(configuration.port == 2525)
        #expect(configuration.credentials == .init(username: "desk@casebook.test", password: "p@ss:w/o%rd"))
        #expect(configuration.startTLS == .required)
        #expect(configuration.heloName == "desk.casebook.test")
        #expect(configuration.timeouts == .init(all: .milliseconds(2500)))
        #expect(!configuration.verifyCertificates)
        #expect(configuration.authMechanism == .login)
        #expect(configuration.allowPlaintextAuth)
        #expect(configuration.trustedCAFile == "/etc/ca.pem")
    }

    @Test func descriptionSpellsOutTheSettings() throws {
        #expect(try SMTPConfiguration(url: "smtp://relay.example.test").description == "smtp://relay.example.test:25?starttls=opportunistic")
        #expect(try SMTPConfiguration(url: "smtps://u:p@relay.example.test?timeout=2.5&insecure=1&auth=plain").description
            == "smtps://u:***@relay.example.test:465?timeout=2.5&tls_verify=false&auth=plain")
        #expect(try SMTPConfiguration(url: "smtp://h?timeout=10&helo=me.example.test&starttls=never").description
            == "smtp://h:25?starttls=never&helo=me.example.test&timeout=10")
        // What the description prints parses back to the same configuration (the password aside).
        let original = try SMTPConfiguration(url: "smtp://h:2525?starttls=required&timeout=7&tls_ca=/ca.pem&helo=x.example.test")
        #expect(try SMTPConfiguration(url: original.description) == original)
    }

    @Test func unencodedSpecialCharactersInThePasswordAreTolerated() throws {
        // The last "@" ends the user info; "/", "?", "#" and ":" before it belong to the password.
        let configuration = try SMTPConfiguration(url: "smtp://me@example.test:a@b/c?d#e:f@relay.example.test:587?starttls=never")
        #expect(configuration.credentials == .init(username: "me@example.test", password: "a@b/c?d#e:f"))
        #expect(configuration.host == "relay.example.test")
        #expect(configuration.port == 587)
        #expect(configuration.startTLS == .never)
    }

    @Test func userWithoutPassword() throws {
        #expect(try SMTPConfiguration(url: "smtp://apikey@relay.example.test").credentials == .init(username: "apikey", password: ""))
    }

    @Test func ipv6AndLoopback() throws {
        let v6 = try SMTPConfiguration(url: "smtp://[::1]:2525")
        #expect(v6.host == "::1")
        #expect(v6.port == 2525)
        #expect(v6.hostIsLoopback)
        #expect(v6.description == "smtp://[::1]:2525?starttls=opportunistic")
        #expect(try SMTPConfiguration(url: "smtp://127.0.0.1").hostIsLoopback)
        #expect(try SMTPConfiguration(url: "smtp://127.8.9.10").hostIsLoopback)
        #expect(try SMTPConfiguration(url: "smtp://localhost").hostIsLoopback)
        #expect(try !SMTPConfiguration(url: "smtp://127.0.0.1.example.test").hostIsLoopback)
        #expect(try !SMTPConfiguration(url: "smtp://10.0.0.1").hostIsLoopback)
    }

    @Test func plaintextAuthOnlyToLoopbackOrWhenAllowed() throws {
        #expect(try SMTPConfiguration(url: "smtp://u:p@localhost").plaintextAuthPermitted)
        #expect(try !SMTPConfiguration(url: "smtp://u:p@relay.example.test").plaintextAuthPermitted)
        #expect(try SMTPConfiguration(url: "smtp://u:p@relay.example.test?allow_plaintext_auth=1").plaintextAuthPermitted)
    }

    @Test func insecureIsTheOppositeOfTLSVerify() throws {
        #expect(try !SMTPConfiguration(url: "smtp://h?insecure=1").verifyCertificates)
        #expect(try !SMTPConfiguration(url: "smtp://h?insecure").verifyCertificates)
        #expect(try SMTPConfiguration(url: "smtp://h?insecure=0").verifyCertificates)
        #expect(try SMTPConfiguration(url: "smtp://h?tls_verify=true").verifyCertificates)
    }

    @Test func passwordNeverShows() throws {
        let configuration = try SMTPConfiguration(url: "smtp://alice:hunter2@relay.example.test:587?starttls=required")
        #expect(configuration.description == "smtp://alice:***@relay.example.test:587?starttls=required")
        #expect(!String(describing: configuration).contains("hunter2"))
        #expect(!String(reflecting: configuration).contains("hunter2"))
        #expect(!String(describing: configuration.credentials!).contains("hunter2"))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        // Nor in an error about the password itself.
        let message = parseError("smtp://alice:hunter2%zz@relay.example.test")
        #expect(message?.contains("password") == true)
        #expect(message?.contains("hunter2") == false)
    }

    @Test(arguments: [
        ("", "empty"),
        ("mail.example.test", "no scheme"),
        ("http://mail.example.test", "unsupported scheme \"http\""),
        ("smtp://", "no host name"),
        ("smtp://:25", "no host name"),
        ("smtp://mail.example.test:0", "port \"0\" is not a number between 1 and 65535"),
        ("smtp://mail.example.test:99999", "port \"99999\""),
        ("smtp://mail.example.test:smtp", "port \"smtp\""),
        ("smtp://mail.example.test/path", "unexpected path \"/path\""),
        ("smtp://mail example.test", "contains characters a host name cannot have"),
        ("smtp://[::1", "lacks its closing"),
        ("smtp://h?starttls=maybe", "starttls=maybe is not one of required, opportunistic, never"),
        ("smtps://h?starttls=required", "starttls has no meaning for smtps://"),
        ("smtp://h?timeout=0", "timeout=0 is not a number of seconds"),
        ("smtp://h?timeout=soon", "timeout=soon"),
        ("smtp://h?startls=required", "unknown parameter \"startls\""),
        ("smtp://h?tls_verify=nope", "tls_verify=nope is not a boolean"),
        ("smtp://h?tls_verify=false&insecure=1", "not both"),
        ("smtp://h?helo=a%20b", "without spaces"),
        ("smtp://h?auth=cram-md5", "auth=cram-md5 is not one of plain, login"),
        ("smtp://h?auth=plain", "without a user name"),
        ("smtp://h?timeout=1&timeout=2", "given twice"),
        ("smtp://:pw@h", "empty user name"),
    ])
    func invalidURLsSayWhatIsWrong(_ url: String, _ expected: String) {
        let message = parseError(url)
        #expect(message?.hasPrefix("invalid SMTP URL: ") == true)
        #expect(message?.contains(expected) == true, "\(message ?? "nil") should contain \(expected)")
    }
}
