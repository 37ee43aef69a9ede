/* stark_cli.c — helpers shared by `zkl1 prove` and `zkl1 verify` (see stark_cli.h). */
#include "stark_cli.h"

#include <stdio.h>

void zk_cli_print_json_string(const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            printf("\\%c", ch);
        else if (ch < 0x20)
            printf("\\u%04x", ch);
        else
            putchar(ch);
    }
}
