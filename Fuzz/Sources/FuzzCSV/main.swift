import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

exit(FuzzDriver.run(fuzzCSV, warmUp: ["a,b,c\n1,2.50,x\n2,,\"y\"\n", "d,p\n2025-01-01,2025-01\n", "a\n\"\n"]))
