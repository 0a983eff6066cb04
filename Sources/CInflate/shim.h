// zlib, reached through two inline wrappers for the XLSX reader's zip entries.
//
// inflateInit2 is a macro, which Swift cannot call; the wrapper inflates one raw deflate stream (a zip
// entry's data) into a buffer of exactly the size the zip directory declares, and never reads or writes
// outside the two buffers it is given. No pkg-config: the module map links libz directly.
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

/// Inflates the raw deflate stream `in[0..<in_len]` into `out[0..<out_len]`.
/// Returns 0 when the stream ends exactly at `out_len` bytes, 1 when it is corrupt, truncated or longer.
static inline int realize_inflate_raw(const uint8_t *in, size_t in_len, uint8_t *out, size_t out_len) {
    z_stream s;
    memset(&s, 0, sizeof s);  // Z_NULL allocators, no input, no output room yet
    if (inflateInit2(&s, -MAX_WBITS) != Z_OK) return 1;
    size_t in_left = in_len, out_left = out_len;
    s.next_in = (Bytef *)in;
    s.next_out = out;
    int rc = Z_OK, ok = 0;
    for (;;) {
        if (s.avail_in == 0) {
            uInt n = in_left > 0x40000000u ? 0x40000000u : (uInt)in_left;
            s.avail_in = n;
            in_left -= n;
        }
        if (s.avail_out == 0) {
            uInt n = out_left > 0x40000000u ? 0x40000000u : (uInt)out_left;
            s.avail_out = n;
            out_left -= n;
        }
        uInt before_in = s.avail_in, before_out = s.avail_out;
        rc = inflate(&s, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            ok = s.avail_out == 0 && out_left == 0;
            break;
        }
        if (rc != Z_OK) break;
        if (s.avail_out == 0 && out_left == 0) {
            // The output is full: the stream must end here without one more byte (zlib may stop before
            // reading the end-of-block code when the output fills up).
            uint8_t extra = 0;
            s.next_out = &extra;
            s.avail_out = 1;
            if (s.avail_in == 0) {
                uInt n = in_left > 0x40000000u ? 0x40000000u : (uInt)in_left;
                s.avail_in = n;
                in_left -= n;
            }
            rc = inflate(&s, Z_FINISH);
            ok = rc == Z_STREAM_END && s.avail_out == 1;
            break;
        }
        // No progress possible: the input ran out before the stream ended (truncated or corrupt).
        if (s.avail_in == before_in && s.avail_out == before_out) break;
    }
    inflateEnd(&s);
    return ok ? 0 : 1;
}

/// The CRC-32 of `bytes[0..<count]`, as zip stores it.
static inline uint32_t realize_crc32(const uint8_t *bytes, size_t count) {
    uLong crc = crc32(0L, Z_NULL, 0);
    while (count > 0) {
        uInt n = count > 0x40000000u ? 0x40000000u : (uInt)count;
        crc = crc32(crc, bytes, n);
        bytes += n;
        count -= n;
    }
    return (uint32_t)crc;
}
