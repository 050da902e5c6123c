// SPDX-License-Identifier: Apache-2.0
/*
 * Thin JNI binding to the system libbpf (1.1 or later).
 *
 * Every native returns 0, a handle or a count on success and -errno on failure; none throws. The
 * Java class io.tcpwatch.bpf.Errors turns -errno into an exception, with what libbpf printed
 * during the call (kept per thread here, read back with takeLog()).
 *
 * IMPORTANT: the natives are registered from the table in JNI_OnLoad; a signature changed here
 * must be changed in io/tcpwatch/bpf/Native.java too.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jni.h>
#include <linux/bpf.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#define NATIVE_CLASS "io/tcpwatch/bpf/Native"
#define LOG_CAPACITY 16384

/* An opened object and, for objects opened from memory, the ELF image libbpf reads until load. */
struct jni_object {
	struct bpf_object *obj;
	void *image;
};

/*
 * A ring-buffer consumer. libbpf 1.1 advances the consumer position before it calls the sample
 * callback, so the callback must keep every record it is handed: what does not fit the caller's
 * batch buffer is kept in `pending` and handed out first by the next poll.
 */
struct jni_ring {
	struct ring_buffer *rb;
	char *dst;
	size_t cap;
	size_t used;
	int full;
	char *pending;
	size_t pending_len;
	size_t pending_cap;
};

static __thread char log_buf[LOG_CAPACITY];
static __thread size_t log_len;

static int print_fn(enum libbpf_print_level level, const char *fmt, va_list args)
{
	int n;

	if (level == LIBBPF_DEBUG || log_len >= LOG_CAPACITY - 1)
		return 0;
	n = vsnprintf(log_buf + log_len, LOG_CAPACITY - log_len, fmt, args);
	if (n > 0)
		log_len += (size_t)n < LOG_CAPACITY - log_len ? (size_t)n
							      : LOG_CAPACITY - 1 - log_len;
	return 0;
}

static void log_reset(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

static void *to_ptr(jlong handle)
{
	return (void *)(intptr_t)handle;
}

static jlong to_handle(void *ptr)
{
	return (jlong)(intptr_t)ptr;
}

/* Runs fn on a Java string's UTF-8 bytes; -EINVAL when the string is null or cannot be read. */
#define WITH_UTF(env, jstr, name, body)						\
	do {									\
		const char *name;						\
		if ((jstr) == NULL)						\
			return -EINVAL;						\
		name = (*(env))->GetStringUTFChars((env), (jstr), NULL);	\
		if (name == NULL)						\
			return -ENOMEM;						\
		body;								\
		(*(env))->ReleaseStringUTFChars((env), (jstr), name);		\
	} while (0)

static jstring native_strerror(JNIEnv *env, jclass cls, jint err)
{
	char buf[128];

	if (libbpf_strerror(err, buf, sizeof(buf)) != 0)
		snprintf(buf, sizeof(buf), "errno %d", err);
	return (*env)->NewStringUTF(env, buf);
}

static jstring native_take_log(JNIEnv *env, jclass cls)
{
	jstring text;

	log_buf[log_len < LOG_CAPACITY ? log_len : LOG_CAPACITY - 1] = '\0';
	text = (*env)->NewStringUTF(env, log_buf);
	log_reset();
	return text;
}

static jstring native_libbpf_version(JNIEnv *env, jclass cls)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%u.%u", libbpf_major_version(), libbpf_minor_version());
	return (*env)->NewStringUTF(env, buf);
}

static jint native_num_possible_cpus(JNIEnv *env, jclass cls)
{
	return libbpf_num_possible_cpus();
}

/* Loads "r0 = 0; exit" as a tracepoint program: fails as the real loads would without privilege. */
static jint native_probe_tracing_load(JNIEnv *env, jclass cls)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	int fd;

	log_reset();
	fd = bpf_prog_load(BPF_PROG_TYPE_TRACEPOINT, "tcpwatch_probe", "GPL", insns, 2, NULL);
	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

static jlong open_result(struct jni_object *jo, struct bpf_object *obj)
{
	long err = libbpf_get_error(obj);

	if (err) {
		free(jo->image);
		free(jo);
		return err < 0 ? err : -err;
	}
	jo->obj = obj;
	return to_handle(jo);
}

static jlong native_object_open_file(JNIEnv *env, jclass cls, jstring jpath)
{
	struct jni_object *jo;
	jlong result = 0;

	log_reset();
	jo = calloc(1, sizeof(*jo));
	if (jo == NULL)
		return -ENOMEM;
	if (jpath == NULL) {
		free(jo);
		return -EINVAL;
	}
	{
		const char *path = (*env)->GetStringUTFChars(env, jpath, NULL);

		if (path == NULL) {
			free(jo);
			return -ENOMEM;
		}
		result = open_result(jo, bpf_object__open_file(path, NULL));
		(*env)->ReleaseStringUTFChars(env, jpath, path);
	}
	return result;
}

static jlong native_object_open_mem(JNIEnv *env, jclass cls, jbyteArray jimage, jstring jname)
{
	LIBBPF_OPTS(bpf_object_open_opts, opts);
	struct jni_object *jo;
	const char *name;
	jsize len;
	jlong result;

	log_reset();
	if (jimage == NULL || jname == NULL)
		return -EINVAL;
	jo = calloc(1, sizeof(*jo));
	if (jo == NULL)
		return -ENOMEM;
	len = (*env)->GetArrayLength(env, jimage);
	jo->image = malloc(len > 0 ? len : 1);
	if (jo->image == NULL) {
		free(jo);
		return -ENOMEM;
	}
	(*env)->GetByteArrayRegion(env, jimage, 0, len, jo->image);
	name = (*env)->GetStringUTFChars(env, jname, NULL);
	if (name == NULL) {
		free(jo->image);
		free(jo);
		return -ENOMEM;
	}
	opts.object_name = name;
	result = open_result(jo, bpf_object__open_mem(jo->image, len, &opts));
	(*env)->ReleaseStringUTFChars(env, jname, name);
	return result;
}

static jobjectArray to_string_array(JNIEnv *env, const char **names, int n)
{
	jclass string_cls = (*env)->FindClass(env, "java/lang/String");
	jobjectArray array;
	int i;

	if (string_cls == NULL)
		return NULL;
	array = (*env)->NewObjectArray(env, n, string_cls, NULL);
	for (i = 0; array != NULL && i < n; i++) {
		jstring s = (*env)->NewStringUTF(env, names[i]);

		if (s == NULL)
			return NULL;
		(*env)->SetObjectArrayElement(env, array, i, s);
		(*env)->DeleteLocalRef(env, s);
	}
	return array;
}

static jobjectArray native_program_names(JNIEnv *env, jclass cls, jlong handle)
{
	struct jni_object *jo = to_ptr(handle);
	const char *names[256];
	struct bpf_program *prog;
	int n = 0;

	bpf_object__for_each_program(prog, jo->obj) {
		if (n < 256)
			names[n++] = bpf_program__name(prog);
	}
	return to_string_array(env, names, n);
}

static jobjectArray native_map_names(JNIEnv *env, jclass cls, jlong handle)
{
	struct jni_object *jo = to_ptr(handle);
	const char *names[256];
	struct bpf_map *map;
	int n = 0;

	bpf_object__for_each_map(map, jo->obj) {
		if (n < 256)
			names[n++] = bpf_map__name(map);
	}
	return to_string_array(env, names, n);
}

static jint native_program_set_autoload(JNIEnv *env, jclass cls, jlong handle, jstring jname,
					jboolean autoload)
{
	struct jni_object *jo = to_ptr(handle);
	struct bpf_program *prog;
	int err;

	log_reset();
	WITH_UTF(env, jname, name, prog = bpf_object__find_program_by_name(jo->obj, name));
	if (prog == NULL)
		return -ENOENT;
	err = bpf_program__set_autoload(prog, autoload);
	return err < 0 ? err : 0;
}

static jint native_map_set_max_entries(JNIEnv *env, jclass cls, jlong handle, jstring jname,
				       jint max_entries)
{
	struct jni_object *jo = to_ptr(handle);
	struct bpf_map *map;
	int err;

	log_reset();
	WITH_UTF(env, jname, name, map = bpf_object__find_map_by_name(jo->obj, name));
	if (map == NULL)
		return -ENOENT;
	err = bpf_map__set_max_entries(map, (__u32)max_entries);
	return err < 0 ? err : 0;
}

/*
 * Finds a variable of a .rodata section by name. Returns its size and sets *data to where its
 * initial value lives (libbpf's copy, written into the map at load); -ENOENT when no .rodata
 * section of the object declares it.
 */
static int find_rodata(struct bpf_object *obj, const char *var, void **data)
{
	struct btf *btf = bpf_object__btf(obj);
	struct bpf_map *map;

	if (btf == NULL)
		return -ENOENT;
	bpf_object__for_each_map(map, obj) {
		const struct btf_var_secinfo *vsi;
		const struct btf_type *sec;
		size_t size;
		char *value;
		int i;

		if (strstr(bpf_map__name(map), ".rodata") == NULL)
			continue;
		sec = btf__type_by_id(btf, bpf_map__btf_value_type_id(map));
		if (sec == NULL || !btf_is_datasec(sec))
			continue;
		value = (char *)bpf_map__initial_value(map, &size);
		if (value == NULL)
			continue;
		vsi = btf_var_secinfos(sec);
		for (i = 0; i < btf_vlen(sec); i++, vsi++) {
			const struct btf_type *t = btf__type_by_id(btf, vsi->type);

			if (t == NULL || strcmp(btf__name_by_offset(btf, t->name_off), var) != 0)
				continue;
			if (vsi->offset + vsi->size > size)
				return -EINVAL;
			*data = value + vsi->offset;
			return (int)vsi->size;
		}
	}
	return -ENOENT;
}

static jint native_rodata_size(JNIEnv *env, jclass cls, jlong handle, jstring jname)
{
	struct jni_object *jo = to_ptr(handle);
	void *data;
	int size;

	log_reset();
	WITH_UTF(env, jname, name, size = find_rodata(jo->obj, name, &data));
	return size;
}

static jint native_rodata_set(JNIEnv *env, jclass cls, jlong handle, jstring jname,
			     jbyteArray jvalue)
{
	struct jni_object *jo = to_ptr(handle);
	void *data;
	int size;

	log_reset();
	if (jvalue == NULL)
		return -EINVAL;
	WITH_UTF(env, jname, name, size = find_rodata(jo->obj, name, &data));
	if (size < 0)
		return size;
	if ((*env)->GetArrayLength(env, jvalue) != size)
		return -EINVAL;
	(*env)->GetByteArrayRegion(env, jvalue, 0, size, data);
	return 0;
}

static jint native_object_load(JNIEnv *env, jclass cls, jlong handle)
{
	struct jni_object *jo = to_ptr(handle);
	int err;

	log_reset();
	err = bpf_object__load(jo->obj);
	return err < 0 ? err : 0;
}

static jlong native_program_attach(JNIEnv *env, jclass cls, jlong handle, jstring jname)
{
	struct jni_object *jo = to_ptr(handle);
	struct bpf_program *prog;
	struct bpf_link *link;
	long err;

	log_reset();
	WITH_UTF(env, jname, name, prog = bpf_object__find_program_by_name(jo->obj, name));
	if (prog == NULL)
		return -ENOENT;
	link = bpf_program__attach(prog);
	err = libbpf_get_error(link);
	if (err)
		return err < 0 ? err : -err;
	return to_handle(link);
}

static jint native_link_destroy(JNIEnv *env, jclass cls, jlong link)
{
	int err = bpf_link__destroy(to_ptr(link));

	return err < 0 ? err : 0;
}

/*
 * Reads a loaded program's run statistics into stats[0..3]: run count, run time in ns, recursion
 * misses, and 1 when the kernel filled recursion_misses (5.12 and later) or 0 when its
 * bpf_prog_info is too short to have it. -ENOENT for an unknown program, -EBADF for one that was
 * not loaded.
 */
static jint native_program_stats(JNIEnv *env, jclass cls, jlong handle, jstring jname,
				 jlongArray jstats)
{
	struct jni_object *jo = to_ptr(handle);
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	struct bpf_program *prog;
	jlong stats[4];
	int fd;

	log_reset();
	if (jstats == NULL || (*env)->GetArrayLength(env, jstats) != 4)
		return -EINVAL;
	WITH_UTF(env, jname, name, prog = bpf_object__find_program_by_name(jo->obj, name));
	if (prog == NULL)
		return -ENOENT;
	fd = bpf_program__fd(prog);
	if (fd < 0)
		return -EBADF;
	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0)
		return -errno;
	stats[0] = (jlong)info.run_cnt;
	stats[1] = (jlong)info.run_time_ns;
	stats[2] = (jlong)info.recursion_misses;
	stats[3] = len >= offsetof(struct bpf_prog_info, recursion_misses) +
			  sizeof(info.recursion_misses);
	(*env)->SetLongArrayRegion(env, jstats, 0, 4, stats);
	return 0;
}

/* Turns on the kernel's run-time statistics of every program while the returned fd stays open. */
static jint native_enable_run_time_stats(JNIEnv *env, jclass cls)
{
	int fd;

	log_reset();
	fd = bpf_enable_stats(BPF_STATS_RUN_TIME);
	return fd < 0 ? -errno : fd;
}

static jint native_close_fd(JNIEnv *env, jclass cls, jint fd)
{
	return close(fd) != 0 ? -errno : 0;
}

static void native_object_close(JNIEnv *env, jclass cls, jlong handle)
{
	struct jni_object *jo = to_ptr(handle);

	bpf_object__close(jo->obj);
	free(jo->image);
	free(jo);
}

static struct bpf_map *find_map(JNIEnv *env, struct jni_object *jo, jstring jname)
{
	struct bpf_map *map = NULL;
	const char *name;

	if (jname == NULL)
		return NULL;
	name = (*env)->GetStringUTFChars(env, jname, NULL);
	if (name == NULL)
		return NULL;
	map = bpf_object__find_map_by_name(jo->obj, name);
	(*env)->ReleaseStringUTFChars(env, jname, name);
	return map;
}

static jint native_map_key_size(JNIEnv *env, jclass cls, jlong handle, jstring jname)
{
	struct bpf_map *map = find_map(env, to_ptr(handle), jname);

	return map == NULL ? -ENOENT : (jint)bpf_map__key_size(map);
}

static jint native_map_value_size(JNIEnv *env, jclass cls, jlong handle, jstring jname)
{
	struct bpf_map *map = find_map(env, to_ptr(handle), jname);

	return map == NULL ? -ENOENT : (jint)bpf_map__value_size(map);
}

static jint native_map_type(JNIEnv *env, jclass cls, jlong handle, jstring jname)
{
	struct bpf_map *map = find_map(env, to_ptr(handle), jname);

	return map == NULL ? -ENOENT : (jint)bpf_map__type(map);
}

static jint map_op(JNIEnv *env, jlong handle, jstring jname, jbyteArray jkey, jbyteArray jvalue,
		   jlong flags, int update)
{
	struct bpf_map *map;
	jsize key_len, value_len;
	jbyte *key, *value;
	int err;

	log_reset();
	map = find_map(env, to_ptr(handle), jname);
	if (map == NULL)
		return -ENOENT;
	if (jkey == NULL || jvalue == NULL)
		return -EINVAL;
	key_len = (*env)->GetArrayLength(env, jkey);
	value_len = (*env)->GetArrayLength(env, jvalue);
	key = malloc(key_len > 0 ? key_len : 1);
	value = malloc(value_len > 0 ? value_len : 1);
	if (key == NULL || value == NULL) {
		free(key);
		free(value);
		return -ENOMEM;
	}
	(*env)->GetByteArrayRegion(env, jkey, 0, key_len, key);
	if (update) {
		(*env)->GetByteArrayRegion(env, jvalue, 0, value_len, value);
		err = bpf_map__update_elem(map, key, key_len, value, value_len, flags);
	} else {
		err = bpf_map__lookup_elem(map, key, key_len, value, value_len, flags);
		if (err == 0)
			(*env)->SetByteArrayRegion(env, jvalue, 0, value_len, value);
	}
	free(key);
	free(value);
	return err < 0 ? err : 0;
}

static jint native_map_lookup(JNIEnv *env, jclass cls, jlong handle, jstring jname, jbyteArray jkey,
			      jbyteArray jvalue)
{
	return map_op(env, handle, jname, jkey, jvalue, 0, 0);
}

static jint native_map_update(JNIEnv *env, jclass cls, jlong handle, jstring jname, jbyteArray jkey,
			      jbyteArray jvalue, jlong flags)
{
	return map_op(env, handle, jname, jkey, jvalue, flags, 1);
}

/* Batch layout: a 4-byte host-order length, then the record's bytes; records follow each other. */
static int ring_sample(void *ctx, void *data, size_t size)
{
	struct jni_ring *r = ctx;

	if (!r->full && r->used + 4 + size <= r->cap) {
		__u32 len = (__u32)size;

		memcpy(r->dst + r->used, &len, 4);
		memcpy(r->dst + r->used + 4, data, size);
		r->used += 4 + size;
		return 0;
	}
	if (size > r->pending_cap) {
		char *grown = realloc(r->pending, size);

		if (grown == NULL)
			return -ENOMEM;
		r->pending = grown;
		r->pending_cap = size;
	}
	memcpy(r->pending, data, size);
	r->pending_len = size;
	r->full = 1;
	/* Stops libbpf's loop: this record is already consumed, and kept. */
	return -ENOSPC;
}

static jlong native_ring_new(JNIEnv *env, jclass cls, jlong handle, jstring jname)
{
	struct bpf_map *map = find_map(env, to_ptr(handle), jname);
	struct jni_ring *r;
	long err;

	log_reset();
	if (map == NULL)
		return -ENOENT;
	if (bpf_map__fd(map) < 0)
		return -EBADF;
	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return -ENOMEM;
	r->rb = ring_buffer__new(bpf_map__fd(map), ring_sample, r, NULL);
	err = libbpf_get_error(r->rb);
	if (err) {
		free(r);
		return err < 0 ? err : -err;
	}
	return to_handle(r);
}

static int ring_step(struct jni_ring *r, int err)
{
	if (r->full)
		return 1;
	if (err < 0 && err != -EINTR)
		return err;
	return 0;
}

/*
 * Waits up to timeout_ms for a wake-up, then drains what is queued, wake-up or not: the BPF side
 * queues without waking the consumer until enough data is waiting. Returns the batch's byte count.
 */
static jint native_ring_poll(JNIEnv *env, jclass cls, jlong ring, jobject jdst, jint timeout_ms)
{
	struct jni_ring *r = to_ptr(ring);
	int step;

	log_reset();
	r->dst = (*env)->GetDirectBufferAddress(env, jdst);
	r->cap = (size_t)(*env)->GetDirectBufferCapacity(env, jdst);
	if (r->dst == NULL)
		return -EINVAL;
	r->used = 0;
	r->full = 0;
	if (r->pending_len > 0) {
		if (4 + r->pending_len > r->cap)
			return -EMSGSIZE;
		__u32 len = (__u32)r->pending_len;

		memcpy(r->dst, &len, 4);
		memcpy(r->dst + 4, r->pending, r->pending_len);
		r->used = 4 + r->pending_len;
		r->pending_len = 0;
		timeout_ms = 0;
	}
	step = ring_step(r, ring_buffer__poll(r->rb, timeout_ms));
	if (step == 0)
		step = ring_step(r, ring_buffer__consume(r->rb));
	if (step < 0)
		return step;
	return (jint)r->used;
}

static void native_ring_free(JNIEnv *env, jclass cls, jlong ring)
{
	struct jni_ring *r = to_ptr(ring);

	ring_buffer__free(r->rb);
	free(r->pending);
	free(r);
}

static const JNINativeMethod methods[] = {
	{ "strerror", "(I)Ljava/lang/String;", native_strerror },
	{ "takeLog", "()Ljava/lang/String;", native_take_log },
	{ "libbpfVersion", "()Ljava/lang/String;", native_libbpf_version },
	{ "numPossibleCpus", "()I", native_num_possible_cpus },
	{ "probeTracingLoad", "()I", native_probe_tracing_load },
	{ "objectOpenFile", "(Ljava/lang/String;)J", native_object_open_file },
	{ "objectOpenMem", "([BLjava/lang/String;)J", native_object_open_mem },
	{ "programNames", "(J)[Ljava/lang/String;", native_program_names },
	{ "mapNames", "(J)[Ljava/lang/String;", native_map_names },
	{ "programSetAutoload", "(JLjava/lang/String;Z)I", native_program_set_autoload },
	{ "mapSetMaxEntries", "(JLjava/lang/String;I)I", native_map_set_max_entries },
	{ "rodataSize", "(JLjava/lang/String;)I", native_rodata_size },
	{ "rodataSet", "(JLjava/lang/String;[B)I", native_rodata_set },
	{ "objectLoad", "(J)I", native_object_load },
	{ "programAttach", "(JLjava/lang/String;)J", native_program_attach },
	{ "linkDestroy", "(J)I", native_link_destroy },
	{ "programStats", "(JLjava/lang/String;[J)I", native_program_stats },
	{ "enableRunTimeStats", "()I", native_enable_run_time_stats },
	{ "closeFd", "(I)I", native_close_fd },
	{ "objectClose", "(J)V", native_object_close },
	{ "mapKeySize", "(JLjava/lang/String;)I", native_map_key_size },
	{ "mapValueSize", "(JLjava/lang/String;)I", native_map_value_size },
	{ "mapType", "(JLjava/lang/String;)I", native_map_type },
	{ "mapLookup", "(JLjava/lang/String;[B[B)I", native_map_lookup },
	{ "mapUpdate", "(JLjava/lang/String;[B[BJ)I", native_map_update },
	{ "ringNew", "(JLjava/lang/String;)J", native_ring_new },
	{ "ringPoll", "(JLjava/nio/ByteBuffer;I)I", native_ring_poll },
	{ "ringFree", "(J)V", native_ring_free },
};

JNIEXPORT jint JNI_OnLoad(JavaVM *vm, void *reserved)
{
	JNIEnv *env;
	jclass cls;

	if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK)
		return JNI_ERR;
	cls = (*env)->FindClass(env, NATIVE_CLASS);
	if (cls == NULL)
		return JNI_ERR;
	if ((*env)->RegisterNatives(env, cls, methods, sizeof(methods) / sizeof(methods[0])) != 0)
		return JNI_ERR;
	(*env)->DeleteLocalRef(env, cls);
	libbpf_set_print(print_fn);
	return JNI_VERSION_1_8;
}
