import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

exit(FuzzDriver.run(fuzzDifferential, warmUp: ["", "\u{7}\u{80}\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{9}"]))
