import Testing
import RealizeTestSupport
import RealizeStore
@testable import RealizeQuery

/// The uniqueness check of ``LookupJoin``: codes first, and the entries' strings only when some used entry is not
/// ASCII. Against a `Set` of the non-null values (Swift's `==`), with nulls, unused entries, canonically equal
/// entries and the Kelvin sign.
@Suite struct LookupJoinUniquenessTests {
    @Test func asciiKeysAreCheckedOnTheirCodes() {
        let keys = Column(name: "k", storage: .text(codes: [2, 0, 1], dictionary: ["P1", "P2", "P3", "unused"]))
        #expect(LookupJoin.isUnique(keys))
        let repeated = Column(name: "k", storage: .text(codes: [2, 0, 2], dictionary: ["P1", "P2", "P3"]))
        #expect(!LookupJoin.isUnique(repeated))
    }

    /// The flag is read from small and native strings (literals, decoded bytes, the CSV reader's entries), so that
    /// the check on codes is the one taken; non-ASCII text never passes for ASCII.
    @Test func asciiIsKnownWithoutReadingTheBytes() {
        let decoded = String(decoding: Array("a key longer than fifteen bytes".utf8), as: UTF8.self)
        #expect(TextIds.isKnownASCII("P0001") && TextIds.isKnownASCII(decoded) && TextIds.isKnownASCII(""))
        #expect(!TextIds.isKnownASCII("é") && !TextIds.isKnownASCII("\u{212A}") && !TextIds.isKnownASCII(decoded + "é"))
    }

    /// A null holds a code (0 here) that a valid row may hold too; nulls never repeat a key.
    @Test func nullsDoNotCount() {
        var validity = Bitmap(count: 4, value: true)
        validity[1] = false
        validity[3] = false
        let keys = Column(name: "k", storage: .text(codes: [0, 0, 1, 0], dictionary: ["a", "b"]), validity: validity)
        #expect(LookupJoin.isUnique(keys))
        validity[3] = true
        #expect(!LookupJoin.isUnique(Column(name: "k", storage: keys.storage, validity: validity)))
        #expect(LookupJoin.isUnique(Column(name: "k", storage: .text(codes: [], dictionary: []))))
    }

    /// Two entries that are equal strings (their bytes differ) are one key; unequal non-ASCII entries are two.
    @Test func equalStringsBehindTwoEntriesRepeat() {
        for pair in [["é", "e\u{301}"], ["\u{212A}", "K"], ["K", "\u{212A}"], ["caf\u{E9}", "cafe\u{301}"]] {
            let keys = Column(name: "k", storage: .text(codes: [1, 0], dictionary: pair + ["x"]))
            #expect(!LookupJoin.isUnique(keys), "\(pair)")
            let one = Column(name: "k", storage: .text(codes: [0, 2], dictionary: pair + ["x"]))
            #expect(LookupJoin.isUnique(one), "\(pair)")
        }
        #expect(LookupJoin.isUnique(Column(name: "k", storage: .text(codes: [0, 1, 2], dictionary: ["é", "e", "Zürich"]))))
    }

    /// Random keys from ASCII and non-ASCII pools, with nulls: the check agrees with a `Set` of the values.
    @Test(arguments: 0..<80) func agreesWithASetOfTheValues(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let ascii = ["a", "b", "P0001", "P0002", "", "x y", "K", "e", "a long key past fifteen bytes"]
        let unicode = ["caf\u{E9}", "cafe\u{301}", "\u{212A}", "Z\u{FC}rich", "é"]
        let pool = g.chance(0.5) ? ascii : ascii + unicode
        // Entries are distinct bytes, as every dictionary of the store.
        let dictionary = Array(pool.shuffled(using: &g).prefix(g.int(1...pool.count)))
        let n = g.int(0...dictionary.count)
        var codes = (0..<dictionary.count).shuffled(using: &g).prefix(n).map { UInt32($0) }
        if n > 1, g.chance(0.3) { codes[g.int(0...(n - 1))] = codes[0] }
        var validity = Bitmap(count: n, value: true)
        for i in 0..<n where g.chance(0.2) { validity[i] = false }
        let keys = Column(name: "k", storage: .text(codes: codes, dictionary: dictionary), validity: g.chance(0.5) ? validity : nil)
        let values = (0..<n).filter { !keys.isNull($0) }.map { dictionary[Int(codes[$0])] }
        #expect(LookupJoin.isUnique(keys) == (Set(values).count == values.count), "\(dictionary) \(codes)")
    }
}
