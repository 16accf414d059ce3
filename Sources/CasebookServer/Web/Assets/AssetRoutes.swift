import Hummingbird
import NIOCore

/// The stylesheet and script, compiled in. Their URLs do not change, so caches revalidate with the ETag.
enum AssetRoutes {
    static func register(on router: Router<CasebookContext>) {
        serve(router, "assets/casebook.css", Stylesheet.css, type: "text/css; charset=utf-8")
        serve(router, "assets/live.js", LiveScript.js, type: "text/javascript; charset=utf-8")
    }

    private static func serve(_ router: Router<CasebookContext>, _ path: RouterPath, _ text: String, type: String) {
        let etag = "\"\(String(UInt64(bitPattern: Int64(text.hashValue & 0x7fff_ffff_ffff_ffff)), radix: 36))\""
        router.get(path) { request, _ in
            if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache", .eTag: etag],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
