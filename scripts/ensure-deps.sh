#!/usr/bin/env bash
# Checks what building Realize needs (Swift 6.x and GNU readline's headers), installing
# libreadline-dev with apt-get when it is missing (with sudo when not root), or saying exactly
# what to install. Sourced by scripts/shell and scripts/test.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    else
        echo "realize: Swift 6.1 or later is needed and 'swift' is not on PATH." >&2
        echo "  install it from https://www.swift.org/install/linux/ (or with swiftly), then run this again." >&2
        exit 1
    fi
fi

# Installs the Debian package PACKAGE with apt-get (with sudo when not root) unless HEADER exists under
# /usr/include or /usr/local/include; otherwise says exactly what to install. WHAT names the library in
# messages, and FEDORA the package on Fedora.
ensure_headers() {
    local header="$1" package="$2" what="$3" fedora="$4"
    have() { [ -f "/usr/include/$header" ] || [ -f "/usr/local/include/$header" ]; }
    have && return 0
    if command -v apt-get >/dev/null 2>&1; then
        local sudo=""
        if [ "$(id -u)" -ne 0 ]; then
            if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
                echo "realize: $what's headers are missing. Install them as root:  apt-get install -y $package" >&2
                exit 1
            fi
        fi
        echo "== installing $package ($what headers)" >&2
        $sudo apt-get update -qq >&2 || true
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >&2
    else
        echo "realize: $what's headers are missing: install $package (Debian/Ubuntu) or $fedora (Fedora)." >&2
        exit 1
    fi
    have || { echo "realize: $package did not install; run: apt-get install -y $package" >&2; exit 1; }
}

ensure_headers readline/readline.h libreadline-dev "GNU readline" readline-devel
# unixODBC's headers and library, for the CODBC target (reading from databases).
ensure_headers sql.h unixodbc-dev unixODBC unixODBC-devel
# zlib's headers, for the CInflate target (the XLSX reader's zip entries) and ZIPFoundation.
ensure_headers zlib.h zlib1g-dev zlib zlib-devel

# What the tests of exports and reports need besides the build: LibreOffice (headless, to open the
# XLSX exports) and Chromium (headless, to render the HTML reports). scripts/test calls this; the
# shell does not need them. Installs quietly with apt-get when missing; once installed, costs nothing.
ensure_test_tools() {
    local missing=()
    # The workspace interop tests read and write Arrow files with pyarrow (PyPI; skipped when absent).
    if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import pyarrow' 2>/dev/null; then
        echo "== installing pyarrow (for the Arrow workspace interop tests)" >&2
        python3 -m pip install -q --disable-pip-version-check pyarrow >&2 2>/dev/null \
            || python3 -m pip install -q --disable-pip-version-check --break-system-packages pyarrow >&2 2>/dev/null \
            || echo "realize: could not install pyarrow; the Arrow interop tests will be skipped" >&2
    fi
    command -v libreoffice >/dev/null 2>&1 || command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    # The ODBC tests: a throwaway PostgreSQL server (scripts/pg-test-cluster), its ODBC driver, and
    # SQLite's ODBC driver with the sqlite3 tool.
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
    [ -f /usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so ] || [ -f /usr/lib/aarch64-linux-gnu/odbc/psqlodbcw.so ] || missing+=(odbc-postgresql)
    [ -f /usr/lib/x86_64-linux-gnu/odbc/libsqlite3odbc.so ] || [ -f /usr/lib/aarch64-linux-gnu/odbc/libsqlite3odbc.so ] || missing+=(libsqliteodbc)
    command -v odbcinst >/dev/null 2>&1 || missing+=(unixodbc)
    command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "realize: the export and report tests need LibreOffice and Chromium; install: ${missing[*]}" >&2
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
            echo "realize: the export and report tests need: apt-get install -y --no-install-recommends ${missing[*]} (as root)" >&2
            return 0
        fi
    fi
    echo "== installing ${missing[*]} (for the XLSX, HTML report and ODBC tests)" >&2
    $sudo apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
}
