import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

exit(FuzzDriver.run(fuzzRun, warmUp: FuzzCatalogs.warmUpStatements))
