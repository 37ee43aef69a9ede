/* stark_pthread.c — HOST ONLY: a stark_exec backed by POSIX threads and a monotonic clock.
 * Not freestanding; excluded from guest builds (the verifier never needs it).
 *
 * par_for starts `threads - 1` helper threads per call and works on the caller's thread
 * too; tasks are handed out through an atomic counter. Per-call thread creation costs a
 * few tens of microseconds, negligible next to the prover's phases.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "exec.h"

typedef struct par_state {
    atomic_size_t next;
    size_t n_tasks;
    stark_task_fn fn;
    void *arg;
} par_state;

static void *worker(void *p)
{
    par_state *s = p;
    for (;;) {
        size_t i = atomic_fetch_add(&s->next, 1);
        if (i >= s->n_tasks)
            break;
        s->fn(s->arg, i);
    }
    return NULL;
}

enum { MAX_THREADS = 64 };

static void pthread_par_for(void *user, size_t n_tasks, stark_task_fn fn, void *arg)
{
    size_t threads = (size_t)(uintptr_t)user;
    if (threads > n_tasks)
        threads = n_tasks;
    par_state s;
    atomic_init(&s.next, 0);
    s.n_tasks = n_tasks;
    s.fn = fn;
    s.arg = arg;
    pthread_t tid[MAX_THREADS];
    size_t started = 0;
    for (size_t t = 1; t < threads; t++)
        if (pthread_create(&tid[started], NULL, worker, &s) == 0)
            started++;
    worker(&s); /* the caller works too; if thread creation failed it does everything */
    for (size_t t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
}

static uint64_t monotonic_ns(void *user)
{
    (void)user;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int stark_exec_pthread_init(stark_exec *ex, unsigned threads)
{
    if (threads < 1)
        threads = 1;
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    ex->par_for = pthread_par_for;
    ex->now_ns = monotonic_ns;
    ex->user = (void *)(uintptr_t)threads;
    ex->n_threads = threads;
    return 0;
}

void stark_exec_pthread_free(stark_exec *ex) { ex->par_for = NULL; }
