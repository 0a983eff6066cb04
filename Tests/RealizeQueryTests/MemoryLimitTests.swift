import Testing
@testable import RealizeQuery

@Suite struct MemoryLimitTests {
    @Test func sizesParseWithSuffixes() {
        #expect(MemoryLimit.parse("8GB") == 8 << 30)
        #expect(MemoryLimit.parse("512 mb") == 512 << 20)
        #expect(MemoryLimit.parse("10KB") == 10 << 10)
        #expect(MemoryLimit.parse("1.5TB") == 3 << 39)
        #expect(MemoryLimit.parse("4096") == 4096)
        for bad in ["", "GB", "8XB", "-1GB", "0", "1e3GB"] { #expect(MemoryLimit.parse(bad) == nil, "\(bad)") }
    }

    @Test func theDefaultIsAFractionOfPhysicalMemoryAndASetting() throws {
        #expect(MemoryLimit.defaultBytes > 0)
        var session = QuerySession()
        #expect(session.settings.memoryLimit == MemoryLimit.defaultBytes)
        try session.set("memory_limit", to: "10MB")
        #expect(session.settings.memoryLimit == 10 << 20)
        #expect(throws: QueryError.self) { try session.set("memory_limit", to: "lots") }
        #expect(session.settings.memoryLimit == 10 << 20)
    }

    @Test func excessNamesTheNeed() {
        #expect(MemoryLimit.excess("the join", rows: 10, width: 8, limit: 1000) == nil)
        #expect(
            MemoryLimit.excess("the join", rows: 1 << 20, width: 24, limit: 10 << 20)
                == "the join would produce 1048576 rows needing about 24 MB, more than the memory limit of 10 MB (see .set memory_limit)")
    }
}
