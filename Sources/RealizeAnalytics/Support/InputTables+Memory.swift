import RealizeQuery

extension InputTables {
    /// Throws `result-too-large` when `bytes` of intermediate results would pass `.set memory_limit`, as a join or a
    /// grouping in a pipeline does, before the command allocates them.
    ///
    /// - Parameter what: what needs the memory, e.g. "the per-project, per-period sums".
    /// - Throws: ``QueryError`` `result-too-large`, at the command's name.
    func checkMemory(_ what: String, bytes: Int) throws(QueryError) {
        let limit = session.settings.memoryLimit
        guard bytes > limit else { return }
        throw InputError.make(
            .resultTooLarge,
            "\(command): \(what) would need about \(MemoryLimit.format(bytes)), more than the memory limit of "
                + "\(MemoryLimit.format(limit)) (see .set memory_limit)",
            at: at, hint: "group by a coarser level (program, portfolio) or raise the limit with `.set memory_limit 8GB`")
    }
}
