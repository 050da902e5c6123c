// SPDX-License-Identifier: Apache-2.0
/*
 * Loopback connection storm: N sequential connections, each socket + connect + accept + close of
 * both ends, in this one process. Prints the median and p90 latency of one connection and the
 * total time. Usage: storm <connections>
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	socklen_t len = sizeof(addr);
	int n = argc > 1 ? atoi(argv[1]) : 2000;
	long long *lat, start;
	int listener, one = 1, i;

	lat = calloc(n, sizeof(*lat));
	listener = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (!lat || listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(listener, 128) || getsockname(listener, (struct sockaddr *)&addr, &len)) {
		perror("failed to set up the listener");
		return 1;
	}
	start = now_ns();
	for (i = 0; i < n; i++) {
		long long t0 = now_ns();
		int client = socket(AF_INET, SOCK_STREAM, 0), server;

		if (client < 0 || connect(client, (struct sockaddr *)&addr, sizeof(addr))) {
			perror("failed to connect");
			return 1;
		}
		server = accept(listener, NULL, NULL);
		if (server < 0) {
			perror("failed to accept");
			return 1;
		}
		close(client);
		close(server);
		lat[i] = now_ns() - t0;
	}
	printf("port %d connections %d total_ns %lld", ntohs(addr.sin_port), n, now_ns() - start);
	qsort(lat, n, sizeof(*lat), cmp);
	printf(" median_ns %lld p90_ns %lld\n", lat[n / 2], lat[n * 9 / 10]);
	return 0;
}
