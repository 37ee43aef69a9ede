/* stdio.h — declarations only, so that third-party headers that include it compile in the
 * freestanding guest build. Nothing here is implemented: a guest that calls these fails to link. */
#ifndef ZK_RV_STDIO_H
#define ZK_RV_STDIO_H
#include <stddef.h>
typedef struct zk_rv_file FILE;
extern FILE *stderr;
int fprintf(FILE *f, const char *fmt, ...);
#endif
