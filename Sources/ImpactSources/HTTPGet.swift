import CCurl
import Foundation

/// One HTTP GET through the system libcurl, opened at the first request (`CCurl`): linked into the
/// program, libcurl and the libraries behind it made every command start 4 ms later.
enum HTTPGet {
    /// libcurl's functions, or why there are none. Written once, then only read.
    private nonisolated(unsafe) static let library: Result<impact_curl, HTTPFailure> = {
        var api = impact_curl()
        guard let reason = impact_curl_open(&api) else { return .success(api) }
        return .failure(.noLibrary(String(cString: reason)))
    }()

    /// What the transfer has received so far; libcurl hands it each piece of the body.
    private final class Body {
        var data = Data()
    }

    /// The body of a GET of `url` with status 2xx, or why there is none; the whole transfer within `timeout`.
    static func get(_ url: URL, timeout: TimeInterval) -> Result<Data, HTTPFailure> {
        var api: impact_curl
        switch library {
        case .success(let loaded): api = loaded
        case .failure(let failure): return .failure(failure)
        }
        let body = Body()
        var status = 0
        var reason = [CChar](repeating: 0, count: IMPACT_CURL_ERROR_SIZE)
        // Within what libcurl's `long` holds, however long a timeout was asked for.
        let milliseconds = Int((timeout.isNaN ? 1 : min(max(timeout, 0.001), 1e9)) * 1000)
        let code = withExtendedLifetime(body) {
            impact_curl_get(&api, url.absoluteString, milliseconds, { bytes, size, count, context in
                guard let bytes, let context else { return 0 }
                let body = Unmanaged<Body>.fromOpaque(context).takeUnretainedValue()
                body.data.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: size * count)
                return size * count
            }, Unmanaged.passUnretained(body).toOpaque(), &status, &reason)
        }
        guard code == IMPACT_CURL_OK else {
            let explained = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let generic = api.easy_strerror.flatMap { $0(code) }.map { String(cString: $0) } ?? ""
            let text = explained.isEmpty ? generic : explained
            return .failure(HTTPFailure(transfer: code, reason: text, url: url))
        }
        return HTTPFailure(status: status).map { .failure($0) } ?? .success(body.data)
    }
}
