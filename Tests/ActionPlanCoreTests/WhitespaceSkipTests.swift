import XCTest

@testable import ActionPlanCore

/// `JSONReader.skipWhitespace` reads indentation a word at a time; these tests hold it to the plain definition —
/// stop at the first byte that is not a space, tab, carriage return or line feed — wherever that byte falls
/// in the word, and near the end of the bytes, where no whole word is left.
final class WhitespaceSkipTests: XCTestCase {
    /// Where a byte-by-byte skip from `start` stops.
    private func plainSkip(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[i]) { i += 1 }
        return i
    }

    private func readerSkip(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var r = JSONReader(bytes: buffer, file: "t.json")
            r.pos = start
            r.skipWhitespace()
            return r.pos
        }
    }

    func testEveryRunOfIndentationStopsAtItsFirstOtherByte() {
        // A line break, then 0–40 spaces, then each kind of byte that may follow (including a tab, a carriage
        // return and another line break, which are white space too), then 0–9 bytes more: every end of the
        // spaces within a word, and words cut short by the end of the bytes.
        for spaces in 0...40 {
            for next: [UInt8] in [[], [0x22], [0x7B], [0x09, 0x41], [0x0D, 0x0A, 0x20, 0x5D], [0x0A, 0x0A, 0x31]] {
                for tail in 0...9 {
                    let bytes =
                        [0x0A] + [UInt8](repeating: 0x20, count: spaces) + next
                        + [UInt8](repeating: 0x78, count: tail)
                    XCTAssertEqual(
                        readerSkip(bytes, from: 0), plainSkip(bytes, from: 0),
                        "\(spaces) spaces, then \(next), then \(tail) bytes")
                }
            }
        }
    }

    func testRandomWhiteSpaceStopsWhereAByteByByteSkipStops() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x20, 0x20, 0x20, 0x20, 0x0A, 0x09, 0x0D, 0x22, 0x7D, 0x00, 0xFF]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...48, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let start = Int.random(in: 0...bytes.count, using: &rng)
            XCTAssertEqual(readerSkip(bytes, from: start), plainSkip(bytes, from: start), "\(bytes) from \(start)")
        }
    }
}
