import CCurl
import Foundation
import ImpactCore

/// Why one HTTP request of the live import failed, and whether another try may help: a busy server
/// (5xx, 429), a timeout or a dropped connection may pass; an unknown host (offline) or a refusal such
/// as 404 will not, so they end the import at once.
enum HTTPFailure: Error {
    case status(Int)
    case timedOut
    case connection(String)
    case offline(host: String, reason: String)
    case refused(Int)
    /// No usable libcurl on this machine (why): nothing to retry.
    case noLibrary(String)

    /// The failure of an answer with HTTP status `status`, or nil when it succeeded.
    init?(status: Int) {
        guard !(200..<300).contains(status) else { return nil }
        if status == 0 {
            self = .connection("the answer is not HTTP")
        } else {
            self = status == 429 || (500..<600).contains(status) ? .status(status) : .refused(status)
        }
    }

    /// A transfer libcurl could not finish: its result code and its explanation.
    init(transfer code: Int32, reason: String, url: URL) {
        switch code {
        case Int32(IMPACT_CURL_COULDNT_RESOLVE_HOST):
            self = .offline(host: url.host ?? url.absoluteString, reason: reason)
        case Int32(IMPACT_CURL_OPERATION_TIMEDOUT): self = .timedOut
        default: self = .connection(reason)
        }
    }

    /// Whether another try may succeed.
    var isTransient: Bool {
        switch self {
        case .status, .timedOut, .connection: return true
        case .offline, .refused, .noLibrary: return false
        }
    }

    /// One line for the note printed before a retry.
    var summary: String {
        switch self {
        case .status(let status), .refused(let status): return "HTTP \(status)"
        case .timedOut: return "no answer in time"
        case .connection(let reason), .offline(_, let reason): return reason
        case .noLibrary(let reason): return Self.noLibrary(reason)
        }
    }

    /// The catalogue message once the import gives up after `tries` tries.
    func message(tries: Int, timeout: TimeInterval) -> DiagnosticMessage {
        switch self {
        case .status(let status):
            return .serverKeptFailing(status: status, reason: Self.phrase(status), tries: tries)
        case .refused(let status): return .requestRefused(status: status, reason: Self.phrase(status))
        case .timedOut: return .requestTimedOut(seconds: Int(timeout.rounded(.up)), tries: tries)
        case .connection(let reason): return .connectionFailed(reason: reason, tries: tries)
        case .offline(let host, let reason): return .cannotReachHost(host, reason: reason)
        case .noLibrary(let reason): return .connectionFailed(reason: Self.noLibrary(reason), tries: tries)
        }
    }

    private static func noLibrary(_ reason: String) -> String {
        "no usable libcurl (Debian package libcurl4): \(reason)"
    }

    /// The reason phrase of the statuses a data server answers with.
    private static func phrase(_ status: Int) -> String {
        let phrases = [400: "bad request", 401: "unauthorized", 403: "forbidden", 404: "not found",
                       405: "method not allowed", 406: "not acceptable", 408: "request timeout", 410: "gone",
                       429: "too many requests", 500: "internal server error", 501: "not implemented",
                       502: "bad gateway", 503: "service unavailable", 504: "gateway timeout"]
        if let phrase = phrases[status] { return phrase }
        switch status {
        case 400..<500: return "client error"
        case 500..<600: return "server error"
        default: return "unexpected status"
        }
    }
}
