// unixODBC's C interface, reached through a few inline wrappers.
//
// ODBC passes integers in pointer-typed arguments (SQLSetEnvAttr, SQLSetStmtAttr) and uses macros
// for handle kinds and return codes; the wrappers below give Swift plain functions for those.
// No pkg-config: the module map links libodbc directly.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sql.h>
#include <sqlext.h>

/// Whether an ODBC return code means success (SQL_SUCCESS or SQL_SUCCESS_WITH_INFO).
static inline int realize_odbc_ok(SQLRETURN rc) { return SQL_SUCCEEDED(rc) ? 1 : 0; }

/// Allocates an environment handle set to ODBC 3 behaviour; returns NULL on failure.
static inline SQLHENV realize_odbc_env(void) {
    SQLHENV env = SQL_NULL_HENV;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env))) return SQL_NULL_HENV;
    SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)(intptr_t)SQL_OV_ODBC3, 0);
    return env;
}

/// Allocates a connection handle with a login timeout in seconds.
static inline SQLHDBC realize_odbc_dbc(SQLHENV env, long loginTimeout) {
    SQLHDBC dbc = SQL_NULL_HDBC;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc))) return SQL_NULL_HDBC;
    SQLSetConnectAttr(dbc, SQL_ATTR_LOGIN_TIMEOUT, (SQLPOINTER)(intptr_t)loginTimeout, 0);
    return dbc;
}

/// Connects with a full connection string, without prompting.
static inline SQLRETURN realize_odbc_connect(SQLHDBC dbc, const char *connection) {
    SQLCHAR out[1024];
    SQLSMALLINT outLength = 0;
    return SQLDriverConnect(dbc, NULL, (SQLCHAR *)connection, SQL_NTS, out, sizeof out, &outLength, SQL_DRIVER_NOPROMPT);
}

/// Allocates a statement handle.
static inline SQLHSTMT realize_odbc_stmt(SQLHDBC dbc) {
    SQLHSTMT stmt = SQL_NULL_HSTMT;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt))) return SQL_NULL_HSTMT;
    return stmt;
}

/// Sets column-wise binding with `rows` rows per fetch, and where the number fetched is written.
static inline SQLRETURN realize_odbc_block(SQLHSTMT stmt, unsigned long rows, SQLULEN *fetched) {
    SQLRETURN rc = SQLSetStmtAttr(stmt, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)SQL_BIND_BY_COLUMN, 0);
    if (!SQL_SUCCEEDED(rc)) return rc;
    rc = SQLSetStmtAttr(stmt, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)(uintptr_t)rows, 0);
    if (!SQL_SUCCEEDED(rc)) return rc;
    return SQLSetStmtAttr(stmt, SQL_ATTR_ROWS_FETCHED_PTR, fetched, 0);
}

/// Runs SQL text on a statement handle.
static inline SQLRETURN realize_odbc_exec(SQLHSTMT stmt, const char *sql) {
    return SQLExecDirect(stmt, (SQLCHAR *)sql, SQL_NTS);
}

/// Describes result column `i` (1-based): its name into `name`, SQL type, size and decimal digits.
static inline SQLRETURN realize_odbc_describe(SQLHSTMT stmt, int i, char *name, int capacity, int *type, unsigned long *size, int *digits) {
    SQLSMALLINT nameLength = 0, dataType = 0, decimals = 0, nullable = 0;
    SQLULEN columnSize = 0;
    SQLRETURN rc = SQLDescribeCol(stmt, (SQLUSMALLINT)i, (SQLCHAR *)name, (SQLSMALLINT)capacity, &nameLength, &dataType, &columnSize, &decimals, &nullable);
    *type = dataType;
    *size = (unsigned long)columnSize;
    *digits = decimals;
    return rc;
}

/// Number of result columns.
static inline int realize_odbc_column_count(SQLHSTMT stmt) {
    SQLSMALLINT n = 0;
    if (!SQL_SUCCEEDED(SQLNumResultCols(stmt, &n))) return -1;
    return n;
}

/// Binds column `i` (1-based) to a buffer of `rows` elements of `width` bytes, with a length array.
static inline SQLRETURN realize_odbc_bind(SQLHSTMT stmt, int i, int cType, void *buffer, long width, SQLLEN *lengths) {
    return SQLBindCol(stmt, (SQLUSMALLINT)i, (SQLSMALLINT)cType, buffer, (SQLLEN)width, lengths);
}

/// Fetches the next block of rows; returns SQL_NO_DATA at the end.
static inline SQLRETURN realize_odbc_fetch(SQLHSTMT stmt) { return SQLFetch(stmt); }

/// Whether `rc` is SQL_NO_DATA.
static inline int realize_odbc_no_data(SQLRETURN rc) { return rc == SQL_NO_DATA ? 1 : 0; }

/// The `record`-th diagnostic (1-based) of a handle of kind 1 env, 2 dbc, 3 stmt: SQLSTATE and text.
/// Returns 0 when there is no such record.
static inline int realize_odbc_diagnostic(int kind, SQLHANDLE handle, int record, char *state, char *message, int capacity) {
    SQLSMALLINT handleType = kind == 1 ? SQL_HANDLE_ENV : kind == 2 ? SQL_HANDLE_DBC : SQL_HANDLE_STMT;
    SQLINTEGER native = 0;
    SQLSMALLINT length = 0;
    SQLRETURN rc = SQLGetDiagRec(handleType, handle, (SQLSMALLINT)record, (SQLCHAR *)state, &native, (SQLCHAR *)message, (SQLSMALLINT)capacity, &length);
    return SQL_SUCCEEDED(rc) ? 1 : 0;
}

/// Cancels the statement running on `stmt` (safe from another thread).
static inline SQLRETURN realize_odbc_cancel(SQLHSTMT stmt) { return SQLCancel(stmt); }

/// Frees a statement handle.
static inline void realize_odbc_free_stmt(SQLHSTMT stmt) { if (stmt) SQLFreeHandle(SQL_HANDLE_STMT, stmt); }

/// Disconnects and frees a connection handle.
static inline void realize_odbc_free_dbc(SQLHDBC dbc, int connected) {
    if (!dbc) return;
    if (connected) SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

/// Frees an environment handle.
static inline void realize_odbc_free_env(SQLHENV env) { if (env) SQLFreeHandle(SQL_HANDLE_ENV, env); }

/// The value of SQL_NULL_DATA, for length indicators.
static inline long realize_odbc_null_data(void) { return SQL_NULL_DATA; }

/// C type codes the loader binds with.
static inline int realize_odbc_c_char(void) { return SQL_C_CHAR; }
static inline int realize_odbc_c_sbigint(void) { return SQL_C_SBIGINT; }
static inline int realize_odbc_c_double(void) { return SQL_C_DOUBLE; }
static inline int realize_odbc_c_date(void) { return SQL_C_TYPE_DATE; }
static inline int realize_odbc_c_bit(void) { return SQL_C_BIT; }

/// Year, month and day of element `i` of a bound SQL_DATE_STRUCT array.
static inline void realize_odbc_date_at(const void *buffer, long i, int *year, int *month, int *day) {
    const SQL_DATE_STRUCT *d = (const SQL_DATE_STRUCT *)buffer + i;
    *year = d->year;
    *month = d->month;
    *day = d->day;
}

/// Size of SQL_DATE_STRUCT.
static inline long realize_odbc_date_size(void) { return (long)sizeof(SQL_DATE_STRUCT); }

/// Lists the base tables the connection can see (SQLTables, type TABLE) as a result set:
/// column 2 is the schema, column 3 the table name.
static inline SQLRETURN realize_odbc_tables(SQLHSTMT stmt) {
    return SQLTables(stmt, NULL, 0, NULL, 0, (SQLCHAR *)"%", SQL_NTS, (SQLCHAR *)"TABLE", SQL_NTS);
}

/// The driver's file name (SQLGetInfo SQL_DRIVER_NAME), e.g. `psqlodbcw.so`; returns 0 when unknown.
static inline int realize_odbc_driver_name(SQLHDBC dbc, char *name, int capacity) {
    SQLSMALLINT length = 0;
    name[0] = 0;
    return SQL_SUCCEEDED(SQLGetInfo(dbc, SQL_DRIVER_NAME, name, (SQLSMALLINT)capacity, &length)) ? 1 : 0;
}

/// Sets an integer connection attribute (standard or driver-specific).
static inline SQLRETURN realize_odbc_set_connect_int(SQLHDBC dbc, int attribute, long value) {
    return SQLSetConnectAttr(dbc, (SQLINTEGER)attribute, (SQLPOINTER)(intptr_t)value, 0);
}

/// The database's own name for the type of result column `i` (1-based), e.g. `money`, `bool`.
static inline SQLRETURN realize_odbc_type_name(SQLHSTMT stmt, int i, char *name, int capacity) {
    SQLSMALLINT length = 0;
    name[0] = 0;
    return SQLColAttribute(stmt, (SQLUSMALLINT)i, SQL_DESC_TYPE_NAME, name, (SQLSMALLINT)capacity, &length, NULL);
}

/// A text item of SQLGetInfo (e.g. SQL_DBMS_NAME, SQL_DBMS_VER) into `text`; returns 0 when unknown.
static inline int realize_odbc_info_text(SQLHDBC dbc, int item, char *text, int capacity) {
    SQLSMALLINT length = 0;
    text[0] = 0;
    return SQL_SUCCEEDED(SQLGetInfo(dbc, (SQLUSMALLINT)item, text, (SQLSMALLINT)capacity, &length)) ? 1 : 0;
}

/// SQLGetInfo items read with realize_odbc_info_text.
static inline int realize_odbc_info_dbms_name(void) { return SQL_DBMS_NAME; }
static inline int realize_odbc_info_dbms_version(void) { return SQL_DBMS_VER; }

/// Moves to the next result of a statement that ran several (SQLMoreResults); SQL_NO_DATA after the last.
static inline SQLRETURN realize_odbc_more_results(SQLHSTMT stmt) { return SQLMoreResults(stmt); }

/// Column `i` (1-based) of the current row as text (SQLGetData); `*length` is SQL_NULL_DATA for null.
static inline SQLRETURN realize_odbc_get_text(SQLHSTMT stmt, int i, char *text, long capacity, long *length) {
    SQLLEN n = 0;
    SQLRETURN rc = SQLGetData(stmt, (SQLUSMALLINT)i, SQL_C_CHAR, text, (SQLLEN)capacity, &n);
    *length = (long)n;
    return rc;
}
