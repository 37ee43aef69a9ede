/* fixture_walk.h — test helper: calls a function for every stateless block of every
 * *.json fixture under a directory (recursively, in name order). Host-only. */
#ifndef ZK_TEST_FIXTURE_WALK_H
#define ZK_TEST_FIXTURE_WALK_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/stateless_cli.h"

typedef struct walk_ctx {
    sl_block_fn fn;
    void *user;
    const char *test_id; /* the test being walked, for messages */
    size_t files, tests, broken;
} walk_ctx;

static int walk_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_file(walk_ctx *w, const char *path)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root) {
        fprintf(stderr, "%s: %s\n", path, jerr.text);
        w->broken++;
        return;
    }
    w->files++;
    const char *id;
    json_t *test;
    json_object_foreach(root, id, test) {
        char err[1024];
        w->test_id = id;
        w->tests++;
        if (sl_foreach_block(test, w->fn, w->user, err, sizeof err) < 0) {
            fprintf(stderr, "%s: %s\n", id, err);
            w->broken++;
        }
    }
    json_decref(root);
}

static void walk_path(walk_ctx *w, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        w->broken++;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        size_t n = strlen(path);
        if (n > 5 && !strcmp(path + n - 5, ".json"))
            walk_file(w, path);
        return;
    }
    DIR *d = opendir(path);
    if (!d) {
        w->broken++;
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        snprintf(names[n++], len, "%s/%s", path, e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, walk_cmp);
    for (size_t i = 0; i < n; i++) {
        walk_path(w, names[i]);
        free(names[i]);
    }
    free(names);
}

#endif
