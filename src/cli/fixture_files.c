/* fixture_files.c — see fixture_files.h. */
#define _DEFAULT_SOURCE
#include "fixture_files.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int zk_strlist_push(zk_strlist *l, const char *s)
{
    if (l->len == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return -1;
        l->items = items;
        l->cap = cap;
    }
    if (!(l->items[l->len] = strdup(s)))
        return -1;
    l->len++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void zk_strlist_sort(zk_strlist *l)
{
    if (l->len > 1)
        qsort(l->items, l->len, sizeof *l->items, cmp_str);
}

int zk_strlist_contains(const zk_strlist *sorted, const char *s)
{
    if (sorted->len == 0)
        return 0; /* bsearch must not see a NULL array */
    return bsearch(&s, sorted->items, sorted->len, sizeof *sorted->items, cmp_str) != NULL;
}

void zk_strlist_free(zk_strlist *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}

static int fail(const char *who, const char *path, const char *reason)
{
    fprintf(stderr, "%s: %s: %s\n", who, path, reason);
    return -1;
}

static int is_json(const char *s)
{
    size_t n = strlen(s);
    return n >= 5 && strcmp(s + n - 5, ".json") == 0;
}

/* The entries of directory `path` (but . names) as full paths, sorted. */
static int list_dir(const char *who, const char *path, zk_strlist *entries)
{
    DIR *d = opendir(path);
    if (!d)
        return fail(who, path, strerror(errno));
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        char *child = malloc(len);
        if (!child) {
            rc = fail(who, path, strerror(ENOMEM));
            break;
        }
        snprintf(child, len, "%s/%s", path, e->d_name);
        if (zk_strlist_push(entries, child) != 0)
            rc = fail(who, path, strerror(ENOMEM));
        free(child);
    }
    closedir(d);
    zk_strlist_sort(entries);
    return rc;
}

static int collect(const char *who, const char *path, zk_strlist *out, int top)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return fail(who, path, strerror(errno));
    if (!S_ISDIR(st.st_mode)) {
        if (top || is_json(path))
            return zk_strlist_push(out, path) == 0 ? 0 : fail(who, path, strerror(ENOMEM));
        return 0;
    }
    zk_strlist entries = {0};
    int rc = list_dir(who, path, &entries);
    for (size_t i = 0; rc == 0 && i < entries.len; i++)
        rc = collect(who, entries.items[i], out, 0);
    zk_strlist_free(&entries);
    return rc;
}

int zk_collect_fixture_files(const char *who, const char *path, zk_strlist *out)
{
    return collect(who, path, out, 1);
}
