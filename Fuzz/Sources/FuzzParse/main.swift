import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

exit(FuzzDriver.run(fuzzParse, warmUp: FuzzCatalogs.warmUpStatements))
