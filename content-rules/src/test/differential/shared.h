/*
 * Stand-in for Wazuh's shared.h, just enough to build src/os_regex/ outside the Wazuh tree for the
 * differential harnesses in this directory.
 */
#ifndef TCPWATCH_OSREGEX_SHIM_H
#define TCPWATCH_OSREGEX_SHIM_H

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define os_calloc(n, s, p) ((p) = calloc((n), (s)))
#define os_realloc(p, s, np) ((np) = realloc((p), (s)))
#define os_free(x) if (x) { free(x); x = NULL; }
#define os_strdup(s, d) ((d) = strdup(s))
#define w_FreeArray(x) if (x) { char **x_it = x; for (; *x_it; (x_it)++) { os_free(*x_it); } }
#define w_mutex_init(x, y) pthread_mutex_init(x, y)
#define w_mutex_lock(x) pthread_mutex_lock(x)
#define w_mutex_unlock(x) pthread_mutex_unlock(x)
#define w_mutex_destroy(x) pthread_mutex_destroy(x)

#include "os_regex.h"

#endif
