import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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

    /// The failure of a finished request, or nil when it succeeded.
    init?(url: URL, response: URLResponse?, error: (any Error)?) {
        if let error {
            self = Self.classify(error, url: url)
        } else if let status = (response as? HTTPURLResponse)?.statusCode {
            guard !(200..<300).contains(status) else { return nil }
            self = status == 429 || (500..<600).contains(status) ? .status(status) : .refused(status)
        } else {
            self = .connection("the answer is not HTTP")
        }
    }

    private static func classify(_ error: any Error, url: URL) -> HTTPFailure {
        guard let urlError = error as? URLError else { return .connection(error.localizedDescription) }
        switch urlError.code {
        case .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            return .offline(host: url.host ?? url.absoluteString, reason: urlError.localizedDescription)
        case .timedOut: return .timedOut
        default: return .connection(urlError.localizedDescription)
        }
    }

    /// Whether another try may succeed.
    var isTransient: Bool {
        switch self {
        case .status, .timedOut, .connection: return true
        case .offline, .refused: return false
        }
    }

    /// One line for the note printed before a retry.
    var summary: String {
        switch self {
        case .status(let status), .refused(let status): return "HTTP \(status)"
        case .timedOut: return "no answer in time"
        case .connection(let reason), .offline(_, let reason): return reason
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
        }
    }

    private static func phrase(_ status: Int) -> String {
        HTTPURLResponse.localizedString(forStatusCode: status)
    }
}
