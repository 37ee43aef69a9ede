/* fixture_files.h — lists of paths, and finding the fixture JSON files under the paths a
 * command is given. Host code (libc, malloc). */
#ifndef ZK_CLI_FIXTURE_FILES_H
#define ZK_CLI_FIXTURE_FILES_H

#include <stddef.h>

/* An owned list of strings. */
typedef struct zk_strlist {
    char **items;
    size_t len, cap;
} zk_strlist;

/* Appends a copy of `s`. Returns 0, or -1 when memory runs out (the list is unchanged). */
int zk_strlist_push(zk_strlist *l, const char *s);
/* Sorts by strcmp. */
void zk_strlist_sort(zk_strlist *l);
/* Whether the list, sorted by zk_strlist_sort, holds `s`. */
int zk_strlist_contains(const zk_strlist *sorted, const char *s);
/* Frees the strings and the array; the list is empty afterwards. */
void zk_strlist_free(zk_strlist *l);

/* Appends the fixture files of `path`: a file given directly is taken as it is; a directory
 * is searched recursively, entries in name order, for `*.json` files (names starting with
 * '.' are skipped). Returns 0, or -1 after printing `<who>: <path>: <reason>` to stderr for a
 * path that cannot be read (what was found before it stays in `out`). */
int zk_collect_fixture_files(const char *who, const char *path, zk_strlist *out);

#endif
