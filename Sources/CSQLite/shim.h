#include <sqlite3.h>

/* SQLITE_TRANSIENT is a macro over a function-pointer cast that Swift cannot import. */
static const sqlite3_destructor_type impact_sqlite_transient = (sqlite3_destructor_type)-1;
