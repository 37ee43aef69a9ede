/* mpt.c — placeholder replaced in the next commit. */
#include "mpt.h"
