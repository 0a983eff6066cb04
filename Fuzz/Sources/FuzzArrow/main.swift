import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

exit(FuzzDriver.run(fuzzArrow, warmUp: ["ARROW1", "{}"]))
