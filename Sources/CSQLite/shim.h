#include <sqlite3.h>

/* SQLITE_TRANSIENT is a macro over a function-pointer cast that Swift cannot import. */
static const sqlite3_destructor_type impact_sqlite_transient = (sqlite3_destructor_type)-1;

/* sqlite3_config is variadic, which Swift cannot call. Memory statistics cost a global mutex on
   every allocation; nothing reads them. Effective only before SQLite initializes itself. */
static inline int impact_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
