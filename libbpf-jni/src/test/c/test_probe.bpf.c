// SPDX-License-Identifier: GPL-2.0
/*
 * A tiny object for the binding's tests: reports the openat(2) calls of one process whose path
 * starts with a prefix, and counts what it submitted and what the ring buffer could not take.
 */
#include <linux/bpf.h>
#include <linux/types.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define PATH_BYTES 128
#define PREFIX_BYTES 32
#define NR_OPENAT 257

/* Only the field read here; CO-RE finds its offset in the kernel's BTF. */
struct pt_regs {
	unsigned long si;
} __attribute__((preserve_access_index));

struct probe_record {
	__u32 tgid;
	__u32 tid;
	__u64 syscall;
	char path[PATH_BYTES];
};

enum counter { SUBMITTED, DROPPED };

const volatile __u32 target_tgid = 0;
const volatile __u32 prefix_len = 0;
const volatile char prefix[PREFIX_BYTES] = {};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} records SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

static void count(__u32 key)
{
	__u64 *value = bpf_map_lookup_elem(&counters, &key);

	if (value)
		*value += 1;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long id)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct probe_record *record;
	const char *path;
	int i;

	if (id != NR_OPENAT || pid_tgid >> 32 != target_tgid)
		return 0;
	record = bpf_ringbuf_reserve(&records, sizeof(*record), 0);
	if (!record) {
		count(DROPPED);
		return 0;
	}
	path = (const char *)BPF_CORE_READ(regs, si);
	if (bpf_probe_read_user_str(record->path, sizeof(record->path), path) < 0)
		goto discard;
	for (i = 0; i < PREFIX_BYTES && i < prefix_len; i++) {
		if (record->path[i] != prefix[i])
			goto discard;
	}
	record->tgid = pid_tgid >> 32;
	record->tid = (__u32)pid_tgid;
	record->syscall = id;
	bpf_ringbuf_submit(record, 0);
	count(SUBMITTED);
	return 0;
discard:
	bpf_ringbuf_discard(record, 0);
	return 0;
}

/* Left out of the load by the tests, to check that autoload is honoured. */
SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
