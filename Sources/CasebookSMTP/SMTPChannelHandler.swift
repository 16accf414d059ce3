import NIOCore

/// Why the connection stopped being usable. Once set, it stays: every later read or write fails with it.
enum SMTPConnectionFailure: Error {
    /// The server closed the connection.
    case closed
    /// A read, write or TLS error from the channel.
    case io(any Error)
    /// A deadline passed (the channel was closed because of it).
    case timeout
    /// The server broke the protocol (malformed reply, unexpected data).
    case protocolViolation(String)
}

/// The one handler of an SMTP connection: splits the inbound bytes into lines, assembles replies and hands
/// them out in order to whoever asks with `nextReply`, buffering replies that arrive first (pipelining).
///
/// All state is touched on the channel's event loop only; the async side reaches it through `NIOLoopBound`
/// (see `SMTPConnection`), so the handler needs no locks and is deliberately not `Sendable`.
final class SMTPChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// A reply line longer than this is a protocol violation (RFC 5321 allows 512 octets; be generous).
    static let maximumLineLength = 16 * 1024

    private let eventLoop: any EventLoop
    private var context: ChannelHandlerContext?
    private var inbound: ByteBuffer?
    private var parser = SMTPReplyParser()
    private var replies = CircularBuffer<SMTPReply>()
    private var waiter: (promise: EventLoopPromise<SMTPReply>, timer: Scheduled<Void>?)?
    private(set) var failure: SMTPConnectionFailure?

    /// True when bytes or replies arrived that nobody asked for yet. After the 220 to STARTTLS this must be
    /// false: anything already buffered came in plaintext and would be mistaken for TLS-protected replies
    /// (the STARTTLS command-injection attack, CVE-2011-0411 and kin).
    var hasUnreadInput: Bool {
        !replies.isEmpty || parser.isInsideReply || (inbound?.readableBytes ?? 0) > 0
    }

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        fail(.closed)
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if failure != nil { return }
        if inbound == nil {
            inbound = buffer
        } else {
            inbound!.writeBuffer(&buffer)
        }
        drainLines()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.closed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(.io(error))
        context.close(promise: nil)
    }

    // MARK: - Used by SMTPConnection (on the event loop)

    /// The next reply, in order. Fails with `SMTPConnectionFailure` once the connection broke and every reply
    /// that arrived before has been handed out. When `timeout` passes first, the connection is closed.
    func nextReply(timeout: TimeAmount) -> EventLoopFuture<SMTPReply> {
        eventLoop.preconditionInEventLoop()
        if let reply = replies.popFirst() { return eventLoop.makeSucceededFuture(reply) }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        guard context != nil else { return eventLoop.makeFailedFuture(SMTPConnectionFailure.closed) }
        precondition(waiter == nil, "one reply at a time")
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        let timer = eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.timedOut()
        }
        waiter = (promise, timer)
        return promise.futureResult
    }

    /// Writes and flushes; when `timeout` passes before the bytes are written, the connection is closed.
    func write(_ buffer: ByteBuffer, timeout: TimeAmount) -> EventLoopFuture<Void> {
        eventLoop.preconditionInEventLoop()
        if let failure { return eventLoop.makeFailedFuture(failure) }
        guard let context else { return eventLoop.makeFailedFuture(SMTPConnectionFailure.closed) }
        let timer = eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.timedOut()
        }
        return context.writeAndFlush(wrapOutboundOut(buffer)).assumeIsolated().flatMapErrorThrowing { error in
            throw self.failure ?? .io(error)
        }.always { _ in
            timer.cancel()
        }.nonisolated()
    }

    // MARK: - Internals

    private func timedOut() {
        fail(.timeout)
        context?.close(promise: nil)
    }

    private func drainLines() {
        guard var buffer = inbound else { return }
        while failure == nil {
            let view = buffer.readableBytesView
            guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
                if buffer.readableBytes > Self.maximumLineLength {
                    protocolViolation("a reply line longer than \(Self.maximumLineLength) bytes")
                }
                break
            }
            let length = newline - view.startIndex
            var lineBytes = buffer.readBytes(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            if lineBytes.last == UInt8(ascii: "\r") { lineBytes.removeLast() }
            let line = String(decoding: lineBytes, as: UTF8.self)
            do {
                if let reply = try parser.feed(line: line) {
                    deliver(reply)
                }
            } catch {
                protocolViolation(error.description)
            }
        }
        buffer.discardReadBytes()
        inbound = buffer.readableBytes > 0 ? buffer : nil
    }

    private func deliver(_ reply: SMTPReply) {
        if let waiter {
            self.waiter = nil
            waiter.timer?.cancel()
            waiter.promise.succeed(reply)
        } else {
            replies.append(reply)
        }
    }

    private func protocolViolation(_ reason: String) {
        fail(.protocolViolation(reason))
        context?.close(promise: nil)
    }

    private func fail(_ newFailure: SMTPConnectionFailure) {
        if failure == nil { failure = newFailure }
        let failure = self.failure!
        if let waiter {
            self.waiter = nil
            waiter.timer?.cancel()
            waiter.promise.fail(failure)
        }
    }
}
