// libFuzzer's driver, declared for Swift. The fuzz executables are built by SwiftPM, which names each one's entry
// point `<Module>_main` and links `main` to it; a Swift `main.swift` therefore starts the fuzzer by calling this
// (libFuzzer's own `main` is then never linked). Defined in the toolchain's libclang_rt.fuzzer, which
// `-sanitize=fuzzer` links.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

// LeakSanitizer (in the address sanitizer's runtime): allocations made between these two calls are never reported.
// The fuzz targets build their process-lifetime state (catalogs, the runtime's and the libraries' lazy globals) in
// between, because Swift keeps flag bits in some pointers (strings, for one) and LeakSanitizer would take that
// reachable memory for a leak.
void __lsan_disable(void);
void __lsan_enable(void);
