/* exec.h — how the prover runs work in parallel and reads a clock, supplied by the host.
 *
 * src/stark has no threads and no clock of its own (it must also build for guests). A host
 * passes a stark_exec whose par_for runs fn(arg, 0..n_tasks-1) on its workers and returns
 * when all have finished; tasks touch disjoint data. NULL (or a NULL par_for) runs the tasks
 * in order on the caller's thread. now_ns, when set, feeds the prover's phase timings.
 */
#ifndef ZK_STARK_EXEC_H
#define ZK_STARK_EXEC_H

#include <stddef.h>
#include <stdint.h>

typedef void (*stark_task_fn)(void *arg, size_t task);

typedef struct stark_exec {
    void (*par_for)(void *user, size_t n_tasks, stark_task_fn fn, void *arg);
    uint64_t (*now_ns)(void *user);
    void *user;
    unsigned n_threads; /* worker count, a hint for splitting work into tasks (>= 1) */
} stark_exec;

static inline void stark_par_for(const stark_exec *ex, size_t n_tasks, stark_task_fn fn, void *arg)
{
    if (ex && ex->par_for && n_tasks > 1) {
        ex->par_for(ex->user, n_tasks, fn, arg);
        return;
    }
    for (size_t i = 0; i < n_tasks; i++)
        fn(arg, i);
}

static inline unsigned stark_threads(const stark_exec *ex)
{
    return (ex && ex->par_for && ex->n_threads > 1) ? ex->n_threads : 1;
}

static inline uint64_t stark_now(const stark_exec *ex)
{
    return (ex && ex->now_ns) ? ex->now_ns(ex->user) : 0;
}

/* Host-only (stark_pthread.c, uses pthreads and clock_gettime): an executor with
 * `threads` workers. Never part of a guest build. Returns 0 on success. */
int stark_exec_pthread_init(stark_exec *ex, unsigned threads);
void stark_exec_pthread_free(stark_exec *ex);

#endif
