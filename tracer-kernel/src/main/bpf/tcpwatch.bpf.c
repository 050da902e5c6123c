// SPDX-License-Identifier: GPL-2.0
/*
 * tcpwatch: reports TCP connects, accepts and closes, IPv4 and IPv6, with the process behind each.
 *
 * TCP state changes (tp_btf/inet_sock_set_state) give the connect, when SYN_SENT becomes
 * ESTABLISHED, and the close. Both often run in softirq, where the current task is whoever the
 * packet interrupted, so the process is taken where it is known: at SYN_SENT (inside connect(2))
 * and at the exit of accept(2), and kept in the `sockets` map until the close.
 *
 * The accept has three variants; user space loads the first the kernel allows (see
 * BpfEventSource): fexit/inet_csk_accept, the classic syscalls/sys_exit_accept{,4} tracepoints
 * (which need tracefs), and tp_btf/sys_exit filtered on the accept syscalls.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include "tcpwatch.h"

#define IPPROTO_TCP 6
#define NR_ACCEPT 43
#define NR_ACCEPT4 288
#define SYNTHETIC_ID_BIT (1ULL << 63)

/* Queue this many bytes before waking the consumer, which otherwise drains on its poll timeout. */
const volatile __u32 wakeup_bytes = 32768;
/* Whether excluded_pids holds any pid: spares a lookup per owner when it holds none. */
const volatile bool filter_excluded_pids = false;

/*
 * What is known about a socket between its open and its close. The endpoints are copied here from
 * the socket once, where the program can read it directly (a BTF pointer), so that the accept,
 * which finds the socket only through probe reads, costs one map lookup.
 */
struct sock_owner {
	__u64 conn_id;
	__u64 established_ns;
	__u64 cgroup_id;
	__u32 pid;
	__u32 tid;
	__u32 ppid;
	__u32 uid;
	__u32 gid;
	__u32 netns_ino;
	__u8 laddr[TCPWATCH_ADDR_LEN];
	__u8 raddr[TCPWATCH_ADDR_LEN];
	__u16 lport;
	__u16 rport;
	__u8 family;
	__u8 direction;
	__u8 has_owner;
	__u8 excluded;
	__u8 comm[TCPWATCH_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20);
} events SEC(".maps");

/* Keyed by the socket's kernel address, which never leaves the kernel. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u64);
	__type(value, struct sock_owner);
} sockets SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u8);
} excluded_pids SEC(".maps");

/* Bytes this CPU queued since it last looked at the ring's fill level. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} unchecked_bytes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TCPWATCH_COUNTER_COUNT);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

static __always_inline void count(__u32 key)
{
	__u64 *value = bpf_map_lookup_elem(&counters, &key);

	if (value)
		*value += 1;
}

/* Records the current task as the socket's owner; returns whether it is excluded. */
static __always_inline bool take_owner(struct sock_owner *o)
{
	struct task_struct *task = bpf_get_current_task_btf();
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u64 uid_gid = bpf_get_current_uid_gid();

	o->pid = pid_tgid >> 32;
	o->tid = (__u32)pid_tgid;
	o->ppid = task->real_parent->tgid;
	o->uid = (__u32)uid_gid;
	o->gid = uid_gid >> 32;
	o->cgroup_id = bpf_get_current_cgroup_id();
	bpf_get_current_comm(o->comm, sizeof(o->comm));
	o->has_owner = 1;
	o->excluded = filter_excluded_pids && bpf_map_lookup_elem(&excluded_pids, &o->pid) != NULL;
	return o->excluded;
}

/* From a socket the verifier knows (a tracepoint argument): direct, cheap loads. */
static __always_inline void read_endpoints(struct sock_owner *o, struct sock *sk)
{
	struct sock_common *skc = &sk->__sk_common;

	o->family = skc->skc_family;
	if (o->family == TCPWATCH_AF_INET) {
		*(__u32 *)o->laddr = skc->skc_rcv_saddr;
		*(__u32 *)o->raddr = skc->skc_daddr;
	} else {
		__builtin_memcpy(o->laddr, skc->skc_v6_rcv_saddr.in6_u.u6_addr8, TCPWATCH_ADDR_LEN);
		__builtin_memcpy(o->raddr, skc->skc_v6_daddr.in6_u.u6_addr8, TCPWATCH_ADDR_LEN);
	}
	o->lport = skc->skc_num;
	o->rport = bpf_ntohs(skc->skc_dport);
	o->netns_ino = skc->skc_net.net->ns.inum;
}

/* From a socket found through a file descriptor: a plain address, so probe reads. */
static __always_inline void probe_endpoints(struct sock_owner *o, struct sock *sk)
{
	o->family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (o->family == TCPWATCH_AF_INET) {
		bpf_core_read(o->laddr, 4, &sk->__sk_common.skc_rcv_saddr);
		bpf_core_read(o->raddr, 4, &sk->__sk_common.skc_daddr);
	} else {
		bpf_core_read(o->laddr, 16, &sk->__sk_common.skc_v6_rcv_saddr);
		bpf_core_read(o->raddr, 16, &sk->__sk_common.skc_v6_daddr);
	}
	o->lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	o->rport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
	o->netns_ino = BPF_CORE_READ(sk, __sk_common.skc_net.net, ns.inum);
}

/*
 * Waking the consumer for each event costs more than the event, so records are queued without a
 * wake-up until wakeup_bytes are waiting; the consumer drains on its poll timeout otherwise.
 * Reading the fill level touches a cache line the consumer writes, so each CPU looks only after
 * queuing a quarter of wakeup_bytes itself.
 */
static __always_inline __u64 wakeup_flag(void)
{
	__u32 zero = 0;
	__u64 *unchecked = bpf_map_lookup_elem(&unchecked_bytes, &zero);

	if (!unchecked)
		return 0;
	*unchecked += sizeof(struct tcpwatch_event);
	if (*unchecked < wakeup_bytes / 4)
		return BPF_RB_NO_WAKEUP;
	*unchecked = 0;
	return bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= wakeup_bytes ?
		BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

static __always_inline void submit(const struct sock_owner *o, __u8 kind, struct tcp_sock *tp)
{
	struct tcpwatch_event *e;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		count(TCPWATCH_COUNTER_RINGBUF_DROPS);
		return;
	}
	e->ts_ns = bpf_ktime_get_ns();
	e->conn_id = o->conn_id;
	e->cgroup_id = o->cgroup_id;
	e->bytes_acked = tp ? tp->bytes_acked : 0;
	e->bytes_received = tp ? tp->bytes_received : 0;
	e->duration_ns = tp && o->established_ns ? e->ts_ns - o->established_ns : 0;
	e->pid = o->pid;
	e->tid = o->tid;
	e->ppid = o->ppid;
	e->uid = o->uid;
	e->gid = o->gid;
	e->netns_ino = o->netns_ino;
	__builtin_memcpy(e->laddr, o->laddr, sizeof(e->laddr));
	__builtin_memcpy(e->raddr, o->raddr, sizeof(e->raddr));
	e->lport = o->lport;
	e->rport = o->rport;
	e->kind = kind;
	e->direction = o->direction;
	e->family = o->family;
	e->layout_version = TCPWATCH_LAYOUT_VERSION;
	__builtin_memcpy(e->comm, o->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, wakeup_flag());
}

/* Inside connect(2): the current task owns the socket. The local port is not chosen yet. */
static __always_inline int on_syn_sent(struct sock *sk, __u64 key)
{
	struct sock_owner o = {};

	take_owner(&o);
	o.direction = TCPWATCH_DIRECTION_OUTBOUND;
	o.conn_id = bpf_get_socket_cookie(sk);
	bpf_map_update_elem(&sockets, &key, &o, BPF_ANY);
	return 0;
}

static __always_inline int on_established(struct sock *sk, __u64 key, int oldstate)
{
	struct sock_owner fresh = {};
	struct sock_owner *o;

	if (oldstate == TCP_SYN_RECV) {
		/* Softirq: the accepting process is not known until accept(2) returns. */
		fresh.conn_id = bpf_get_socket_cookie(sk);
		fresh.direction = TCPWATCH_DIRECTION_INBOUND;
		fresh.established_ns = bpf_ktime_get_ns();
		read_endpoints(&fresh, sk);
		bpf_map_update_elem(&sockets, &key, &fresh, BPF_ANY);
		return 0;
	}
	if (oldstate != TCP_SYN_SENT)
		return 0;
	o = bpf_map_lookup_elem(&sockets, &key);
	if (!o) {
		count(TCPWATCH_COUNTER_OWNER_MISSES);
		fresh.conn_id = bpf_get_socket_cookie(sk);
		fresh.direction = TCPWATCH_DIRECTION_OUTBOUND;
		o = &fresh;
	}
	o->established_ns = bpf_ktime_get_ns();
	read_endpoints(o, sk);
	if (!o->excluded)
		submit(o, TCPWATCH_KIND_CONNECT, NULL);
	if (o == &fresh)
		bpf_map_update_elem(&sockets, &key, &fresh, BPF_ANY);
	return 0;
}

static __always_inline int on_close(struct sock *sk, __u64 key, int oldstate)
{
	struct sock_owner unknown = {};
	struct tcp_sock *tp;
	struct sock_owner *o;

	if (oldstate == TCP_LISTEN || oldstate == TCP_NEW_SYN_RECV || oldstate == TCP_CLOSE)
		return 0;	/* never in the map, or closed already */
	if (oldstate == TCP_SYN_SENT || oldstate == TCP_SYN_RECV) {
		/* Never established: no open was reported, so no close is. */
		bpf_map_delete_elem(&sockets, &key);
		return 0;
	}
	tp = bpf_skc_to_tcp_sock(sk);
	o = bpf_map_lookup_elem(&sockets, &key);
	if (!o) {
		/* Established before the tracer started, or evicted from the LRU map. */
		count(TCPWATCH_COUNTER_OWNER_MISSES);
		unknown.conn_id = bpf_get_socket_cookie(sk);
		read_endpoints(&unknown, sk);
		/* skc_num is already 0 when the socket enters CLOSE; inet_sport still is not. */
		if (tp)
			unknown.lport = bpf_ntohs(tp->inet_conn.icsk_inet.inet_sport);
		submit(&unknown, TCPWATCH_KIND_CLOSE, tp);
		return 0;
	}
	if (!o->excluded) {
		if (!o->has_owner)
			count(TCPWATCH_COUNTER_OWNER_MISSES);
		submit(o, TCPWATCH_KIND_CLOSE, tp);
	}
	bpf_map_delete_elem(&sockets, &key);
	return 0;
}

SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(inet_sock_set_state, struct sock *sk, int oldstate, int newstate)
{
	__u64 key = (__u64)sk;
	__u16 family;

	/* Most changes (FIN_WAIT1, CLOSE_WAIT, ...) matter here to nobody: leave first. */
	if (newstate != TCP_SYN_SENT && newstate != TCP_ESTABLISHED && newstate != TCP_CLOSE)
		return 0;
	family = sk->__sk_common.skc_family;
	if (sk->sk_protocol != IPPROTO_TCP ||
	    (family != TCPWATCH_AF_INET && family != TCPWATCH_AF_INET6))
		return 0;
	if (newstate == TCP_SYN_SENT)
		return on_syn_sent(sk, key);
	if (newstate == TCP_ESTABLISHED)
		return on_established(sk, key, oldstate);
	return on_close(sk, key, oldstate);
}

/* In the accepting process: records it as the owner and reports the accept. */
static __always_inline int on_accept(struct sock *sk)
{
	struct sock_owner fresh = {};
	struct sock_owner *o;
	__u64 key = (__u64)sk;
	__u16 family;

	if (!sk)
		return 0;
	o = bpf_map_lookup_elem(&sockets, &key);
	if (o) {
		if (!take_owner(o))
			submit(o, TCPWATCH_KIND_ACCEPT, NULL);
		return 0;
	}
	/* Established before the tracer started (or not TCP): probe, and an id of our own. */
	family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (BPF_CORE_READ(sk, sk_protocol) != IPPROTO_TCP ||
	    (family != TCPWATCH_AF_INET && family != TCPWATCH_AF_INET6))
		return 0;
	fresh.conn_id = SYNTHETIC_ID_BIT | (bpf_ktime_get_ns() & ~SYNTHETIC_ID_BIT);
	fresh.direction = TCPWATCH_DIRECTION_INBOUND;
	probe_endpoints(&fresh, sk);
	if (!take_owner(&fresh))
		submit(&fresh, TCPWATCH_KIND_ACCEPT, NULL);
	bpf_map_update_elem(&sockets, &key, &fresh, BPF_ANY);
	return 0;
}

/* The socket behind a file descriptor of the current task. */
static __always_inline struct sock *sock_from_fd(long fd)
{
	struct fdtable *fdt = bpf_get_current_task_btf()->files->fdt;
	struct file **fds = fdt->fd;
	struct socket *sock;
	struct file *file;

	if (fd < 0 || fd >= fdt->max_fds)
		return NULL;
	if (bpf_core_read(&file, sizeof(file), fds + fd) < 0 || !file)
		return NULL;
	sock = BPF_CORE_READ(file, private_data);
	return BPF_CORE_READ(sock, sk);
}

SEC("fexit/inet_csk_accept")
int inet_csk_accept_ret(__u64 *ctx)
{
	__u64 ret = 0;

	/* bpf_get_func_ret: the argument list of inet_csk_accept changed in 6.10. */
	if (bpf_get_func_ret(ctx, &ret) < 0)
		return 0;
	return on_accept((struct sock *)ret);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	long id;

	if (ret < 0)
		return 0;
	id = regs->orig_ax;
	if (id != NR_ACCEPT && id != NR_ACCEPT4)
		return 0;
	return on_accept(sock_from_fd(ret));
}

SEC("tracepoint/syscalls/sys_exit_accept4")
int sys_exit_accept4(struct trace_event_raw_sys_exit *ctx)
{
	return ctx->ret < 0 ? 0 : on_accept(sock_from_fd(ctx->ret));
}

SEC("tracepoint/syscalls/sys_exit_accept")
int sys_exit_accept(struct trace_event_raw_sys_exit *ctx)
{
	return ctx->ret < 0 ? 0 : on_accept(sock_from_fd(ctx->ret));
}

char LICENSE[] SEC("license") = "GPL";
