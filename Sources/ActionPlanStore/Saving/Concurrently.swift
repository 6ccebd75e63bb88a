import Foundation

/// Two pieces of work done at once, on two processors where the machine has them: a save that replaces one
/// action hashes the file it read while it searches it, and hashes what it writes while it writes it
/// (docs/performance.md).
enum Concurrently {
    /// Work below this many bytes is done on one thread: starting the other costs more than it saves (a rating
    /// saved in the 57-action plan took 1 ms longer with two).
    static let worthASecondThread = 1 << 20

    /// Runs `a` and `b` at the same time — or, when not `inParallel`, one after the other on this thread — and
    /// returns both results once both are done; an error either throws is thrown (`a`'s first), after both are
    /// done.
    static func both<A, B>(_ a: () throws -> A, _ b: () throws -> B, inParallel: Bool) throws -> (A, B) {
        guard inParallel else {
            let ra = Result(catching: a)
            let rb = Result(catching: b)
            return (try ra.get(), try rb.get())
        }
        return try withoutActuallyEscaping(a) { a in
            try withoutActuallyEscaping(b) { b in
                let work = Work(a: a, b: b)
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 {
                        work.resultA = Result(catching: work.a)
                    } else {
                        work.resultB = Result(catching: work.b)
                    }
                }
                return (try work.resultA!.get(), try work.resultB!.get())
            }
        }
    }

    /// The two pieces of work and their results: each result is written by one thread only, and read once
    /// `concurrentPerform` has returned, which orders the writes before the reads.
    private final class Work<A, B>: @unchecked Sendable {
        let a: () throws -> A
        let b: () throws -> B
        var resultA: Result<A, Error>?
        var resultB: Result<B, Error>?

        init(a: @escaping () throws -> A, b: @escaping () throws -> B) {
            self.a = a
            self.b = b
        }
    }
}
