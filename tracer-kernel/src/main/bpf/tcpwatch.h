/* SPDX-License-Identifier: (GPL-2.0 OR Apache-2.0) */
/*
 * The record the BPF program writes to its ring buffer: the contract between tcpwatch.bpf.c and the
 * Java decoder (io.tcpwatch.tracer.kernel.KernelRecordDecoder).
 *
 * IMPORTANT: a field moved or added here must be moved or added in KernelRecordDecoder and in its
 * golden test (KernelRecordDecoderTests), which checks these offsets against this header.
 * Fields are __u8..__u64 only and naturally aligned, so the layout has no padding.
 */
#ifndef TCPWATCH_H
#define TCPWATCH_H

#define TCPWATCH_COMM_LEN 16
#define TCPWATCH_ADDR_LEN 16

/* struct tcpwatch_event.kind */
#define TCPWATCH_KIND_CONNECT 1
#define TCPWATCH_KIND_ACCEPT 2
#define TCPWATCH_KIND_CLOSE 3

/* struct tcpwatch_event.direction */
#define TCPWATCH_DIRECTION_UNKNOWN 0
#define TCPWATCH_DIRECTION_OUTBOUND 1
#define TCPWATCH_DIRECTION_INBOUND 2

/* struct tcpwatch_event.family: the socket's address family, as in <sys/socket.h> */
#define TCPWATCH_AF_INET 2
#define TCPWATCH_AF_INET6 10

/* Indexes of the per-CPU `counters` array. */
#define TCPWATCH_COUNTER_RINGBUF_DROPS 0
#define TCPWATCH_COUNTER_OWNER_MISSES 1
#define TCPWATCH_COUNTER_COUNT 2

struct tcpwatch_event {
	__u64 ts_ns;		/* CLOCK_MONOTONIC (bpf_ktime_get_ns) */
	__u64 conn_id;		/* socket cookie, shared by the open and the close */
	__u64 cgroup_id;
	__u64 bytes_acked;	/* close only: bytes sent and acknowledged by the peer */
	__u64 bytes_received;	/* close only */
	__u64 duration_ns;	/* close only: from ESTABLISHED to CLOSE */
	__u32 pid;		/* thread-group id of the owning process; 0 when unknown */
	__u32 tid;
	__u32 ppid;
	__u32 uid;
	__u32 gid;
	__u32 netns_ino;
	__u8 laddr[TCPWATCH_ADDR_LEN];	/* this host's end; IPv4 in the first 4 bytes */
	__u8 raddr[TCPWATCH_ADDR_LEN];	/* the peer's end */
	__u16 lport;		/* host byte order */
	__u16 rport;		/* host byte order */
	__u8 kind;
	__u8 direction;
	__u8 family;
	__u8 layout_version;	/* TCPWATCH_LAYOUT_VERSION */
	__u8 comm[TCPWATCH_COMM_LEN];
};

#define TCPWATCH_LAYOUT_VERSION 1
#define TCPWATCH_EVENT_SIZE 128

_Static_assert(sizeof(struct tcpwatch_event) == TCPWATCH_EVENT_SIZE,
	       "struct tcpwatch_event must be 128 bytes");

#endif /* TCPWATCH_H */
