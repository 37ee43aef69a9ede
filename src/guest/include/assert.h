/* assert.h — assert() for rv64im guests: a failed assertion ends the run through abort(), as
 * the termination standard asks (no message: the guest has no stderr in a zkVM). */
#ifndef ZKL1_GUEST_ASSERT_H
#define ZKL1_GUEST_ASSERT_H

#include "zkvm_io.h"

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr) ((expr) ? (void)0 : abort())
#endif

#define static_assert _Static_assert

#endif
