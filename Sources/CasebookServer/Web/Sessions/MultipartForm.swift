import Foundation
import MultipartKit
import NIOCore

/// A `multipart/form-data` body (a form with files): its text fields as a `QueryItems` form, and its files.
struct MultipartForm {
    struct File: Sendable, Equatable {
        var field: String
        var fileName: String
        var contentType: String
        var data: [UInt8]
    }

    var form: QueryItems
    var files: [File]

    enum Problem: Error { case noBoundary, malformed }

    static func parse(_ body: ByteBuffer, contentType: String) throws -> MultipartForm {
        guard let boundary = parameter("boundary", in: contentType), !boundary.isEmpty else { throw Problem.noBoundary }
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [(String, String)], body: ByteBuffer)] = []
        var headers: [(String, String)] = []
        var current = ByteBuffer()
        parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { chunk in current.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, current))
            headers = []
            current = ByteBuffer()
        }
        do { try parser.execute(body) } catch { throw Problem.malformed }

        var fields: [(String, String)] = []
        var files: [File] = []
        for part in parts {
            guard let disposition = part.headers.first(where: { $0.0 == "content-disposition" })?.1,
                  let name = parameter("name", in: disposition) else { continue }
            if let fileName = parameter("filename", in: disposition) {
                // An empty file input arrives as a part with no name and no bytes.
                guard !fileName.isEmpty, part.body.readableBytes > 0 else { continue }
                let type = part.headers.first(where: { $0.0 == "content-type" })?.1 ?? "application/octet-stream"
                files.append(File(field: name, fileName: fileName, contentType: type, data: Array(part.body.readableBytesView)))
            } else {
                fields.append((name, String(buffer: part.body)))
            }
        }
        return MultipartForm(form: QueryItems(pairs: fields), files: files)
    }

    /// A parameter of a header value: `name="value"` or `name=value`.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return nil
    }
}
