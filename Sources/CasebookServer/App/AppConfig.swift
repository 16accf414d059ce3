import CasebookCore
import Foundation
import Logging

/// Everything the server needs to start, from flags and the environment.
public struct AppConfig: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    public var dataDirectory: String = "./casebook-data"
    public var database: DatabaseLocation
    /// API requests a minute per token; 0 turns the limit off.
    public var rateLimitPerMinute: Int = 700
    public var logLevel: Logger.Level = .info
    /// bcrypt work factor for passwords set from now on (tests lower it; 12 takes ~250 ms, as intended).
    public var bcryptCost: UInt8 = 12
    /// Addresses, links, SMTP and limits for mail in and out.
    public var mail: MailSettings
    /// Idle time, sticky-owner and repeat-contact windows.
    public var routing: RoutingSettings
    /// The time background jobs go by (tests and benches use a `ManualClock`).
    public var clock: AppClock = .system
    /// Set by `CASEBOOK_TEST_CLOCK=1` for end-to-end tests: the clock only moves through `POST /api/v2/test_clock`
    /// (admins only). Never set in production.
    public var testClock: ManualClock?
    /// How much each role may refund without approval, in minor units (`CASEBOOK_REFUND_LIMIT_AGENT`, `_LEAD`,
    /// `_MANAGER`; `none` for no limit).
    public var refundLimits = ApprovalLimits.standard
    /// Whether good stock that becomes available — a delivery inspected, a return restocked, a line cancelled — is
    /// allocated to the backorder queues at once (`CASEBOOK_ALLOCATE_ON_STOCK=1`); otherwise a lead runs it.
    public var allocateOnStock = false
    /// How often the job runner looks for due jobs when it found none.
    public var jobPollMillis: Int64 = 500
    /// The company's remote-support tool, with `{code}` where a session's code goes
    /// (`CASEBOOK_REMOTE_SUPPORT_URL=https://remote.example/join/{code}`); recorded sessions link there.
    public var remoteSupportURL: String?
    /// The bearer token a Prometheus scraper sends to `GET /metrics` (`CASEBOOK_METRICS_TOKEN`); unset, /metrics is off.
    public var metricsToken: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "./casebook-data",
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.database = DatabaseLocation.from(environment: environment, dataDirectory: dataDirectory)
        self.mail = MailSettings(environment: environment, host: host, port: port)
        self.routing = RoutingSettings(environment: environment)
        if environment["CASEBOOK_TEST_CLOCK"] == "1" {
            let manual = ManualClock()
            testClock = manual
            clock = manual.clock
        }
        func limit(_ name: String, _ fallback: Int?) -> Int? {
            guard let raw = environment[name] else { return fallback }
            return raw == "none" ? nil : Int(raw).map { max($0, 0) } ?? fallback
        }
        refundLimits = ApprovalLimits(agent: limit("CASEBOOK_REFUND_LIMIT_AGENT", refundLimits.agent),
                                      lead: limit("CASEBOOK_REFUND_LIMIT_LEAD", refundLimits.lead),
                                      manager: limit("CASEBOOK_REFUND_LIMIT_MANAGER", refundLimits.manager))
        allocateOnStock = ["1", "true", "yes"].contains(environment["CASEBOOK_ALLOCATE_ON_STOCK"]?.lowercased() ?? "")
        remoteSupportURL = environment["CASEBOOK_REMOTE_SUPPORT_URL"].flatMap { $0.isEmpty ? nil : $0 }
        metricsToken = environment["CASEBOOK_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let limit = environment["CASEBOOK_RATE_LIMIT"].flatMap(Int.init) { rateLimitPerMinute = limit }
        if let cost = environment["CASEBOOK_BCRYPT_COST"].flatMap(UInt8.init), (4...31).contains(cost) { bcryptCost = cost }
        if let level = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) { logLevel = level }
    }
}
