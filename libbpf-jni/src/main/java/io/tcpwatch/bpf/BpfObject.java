package io.tcpwatch.bpf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An opened BPF object (an ELF file made by {@code clang -target bpf}): configure it, load it, attach
 * its programs, read its maps and ring buffers, then close it.
 *
 * <p>Configuration ({@link #setRodata}, {@link #setAutoload}, {@link #setMaxEntries}) is allowed only
 * before {@link #load()}; everything else only after. {@link #close()} destroys the links, frees the
 * ring buffers and unloads the programs; it is idempotent. Methods are thread-safe.
 */
public final class BpfObject implements AutoCloseable {

    private static final int PERCPU_HASH = 5;

    private static final int PERCPU_ARRAY = 6;

    private static final int LRU_PERCPU_HASH = 10;

    private final String name;

    private final List<String> programNames;

    private final List<String> mapNames;

    private final List<Long> links = new ArrayList<>();

    private final List<BpfRingBuffer> ringBuffers = new ArrayList<>();

    private long handle;

    private boolean loaded;

    private BpfObject(long handle, String name) {
        this.handle = handle;
        this.name = name;
        this.programNames = List.of(Native.programNames(handle));
        this.mapNames = List.of(Native.mapNames(handle));
    }

    /**
     * Opens an object from a classpath resource.
     *
     * @param owner the class whose loader finds the resource, and relative to which a name without a
     *     leading slash is resolved
     * @param resource the resource name, such as {@code "/bpf/tcpwatch.bpf.o"}
     * @throws BpfNotFoundException when there is no such resource
     * @throws BpfException when libbpf cannot parse it
     */
    public static BpfObject openResource(Class<?> owner, String resource) {
        Objects.requireNonNull(owner, "'owner' must not be null");
        Objects.requireNonNull(resource, "'resource' must not be null");
        Libbpf.ensureAvailable();
        byte[] image;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw Errors.newException("bpf_object__open_mem", -Errors.ENOENT,
                        "no classpath resource [" + resource + "] next to " + owner.getName());
            }
            image = in.readAllBytes();
        }
        catch (IOException ex) {
            BpfException error = Errors.newException("bpf_object__open_mem", -Errors.EINVAL,
                    "cannot read classpath resource [" + resource + "]: " + ex.getMessage());
            error.initCause(ex);
            throw error;
        }
        String name = objectName(resource);
        long result = Native.objectOpenMem(image, name);
        if (result < 0) {
            throw Errors.newException("bpf_object__open_mem", (int) result,
                    "classpath resource [" + resource + "]", Native.takeLog());
        }
        return new BpfObject(result, name);
    }

    /**
     * Opens an object from a file.
     *
     * @throws BpfNotFoundException when there is no such file
     * @throws BpfException when libbpf cannot parse it
     */
    public static BpfObject openFile(Path path) {
        Objects.requireNonNull(path, "'path' must not be null");
        Libbpf.ensureAvailable();
        if (!Files.isRegularFile(path)) {
            throw Errors.newException("bpf_object__open_file", -Errors.ENOENT, "no file [" + path + "]");
        }
        long result = Native.objectOpenFile(path.toString());
        if (result < 0) {
            throw Errors.newException("bpf_object__open_file", (int) result, "file [" + path + "]",
                    Native.takeLog());
        }
        return new BpfObject(result, objectName(path.getFileName().toString()));
    }

    private static String objectName(String resource) {
        String base = resource.substring(resource.lastIndexOf('/') + 1);
        int dot = base.indexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** The object's name: its file name up to the first dot. */
    public String name() {
        return this.name;
    }

    /** The names of the object's programs (its C function names), in ELF order. */
    public List<String> programNames() {
        return this.programNames;
    }

    /** The names of the object's maps, including libbpf's {@code .rodata}-style ones. */
    public List<String> mapNames() {
        return this.mapNames;
    }

    /**
     * Sets a {@code const volatile} variable of the object's {@code .rodata}, before load.
     *
     * @param variable the C variable name
     * @param value exactly as many bytes as the variable has, in the machine's byte order
     * @throws BpfNotFoundException when no {@code .rodata} section declares the variable
     */
    public synchronized BpfObject setRodata(String variable, byte[] value) {
        Objects.requireNonNull(variable, "'variable' must not be null");
        Objects.requireNonNull(value, "'value' must not be null");
        ensureConfigurable("setRodata");
        int size = Native.rodataSize(this.handle, variable);
        if (size < 0) {
            throw Errors.newException("bpf_map__initial_value", size,
                    "no .rodata variable [" + variable + "] in object [" + this.name + "]", Native.takeLog());
        }
        if (size != value.length) {
            throw Errors.newException("bpf_map__initial_value", -Errors.EINVAL, ".rodata variable [" + variable
                    + "] of object [" + this.name + "] has " + size + " bytes, the value " + value.length);
        }
        check("bpf_map__initial_value", Native.rodataSet(this.handle, variable, value),
                ".rodata variable [" + variable + "]");
        return this;
    }

    /** Sets a 4-byte {@code .rodata} variable ({@code __u32}, {@code __s32}, {@code int}), before load. */
    public BpfObject setRodataInt(String variable, int value) {
        return setRodata(variable, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    /** Sets an 8-byte {@code .rodata} variable ({@code __u64}, {@code __s64}), before load. */
    public BpfObject setRodataLong(String variable, long value) {
        return setRodata(variable, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(value).array());
    }

    /** Sets a 1-byte {@code .rodata} variable ({@code bool}, {@code __u8}) to 0 or 1, before load. */
    public BpfObject setRodataBoolean(String variable, boolean value) {
        return setRodata(variable, new byte[] {(byte) (value ? 1 : 0)});
    }

    /**
     * Chooses whether a program is loaded, before load. A program not loaded cannot be attached.
     *
     * @throws BpfNotFoundException when the object has no such program
     */
    public synchronized BpfObject setAutoload(String program, boolean autoload) {
        Objects.requireNonNull(program, "'program' must not be null");
        ensureConfigurable("setAutoload");
        check("bpf_program__set_autoload", Native.programSetAutoload(this.handle, program, autoload),
                describeProgram(program));
        return this;
    }

    /** Sets a map's maximum entries (for a ring buffer: its size in bytes), before load. */
    public synchronized BpfObject setMaxEntries(String map, int maxEntries) {
        Objects.requireNonNull(map, "'map' must not be null");
        ensureConfigurable("setMaxEntries");
        if (maxEntries <= 0) {
            throw Errors.newException("bpf_map__set_max_entries", -Errors.EINVAL,
                    "map [" + map + "] max entries must be positive, was " + maxEntries);
        }
        check("bpf_map__set_max_entries", Native.mapSetMaxEntries(this.handle, map, maxEntries),
                describeMap(map));
        return this;
    }

    /**
     * Loads the object's maps and its programs (those left to autoload) into the kernel.
     *
     * @throws BpfPermissionException without the privilege, or under lockdown for some program types
     * @throws BpfException when the verifier rejects a program; its {@link BpfException#libbpfLog()}
     *     holds the verifier's log
     */
    public synchronized void load() {
        ensureConfigurable("load");
        check("bpf_object__load", Native.objectLoad(this.handle), "object [" + this.name + "]");
        this.loaded = true;
    }

    /**
     * Attaches a loaded program to the hook its ELF section names; the link is destroyed on
     * {@link #close()}.
     *
     * @throws BpfNotFoundException when the object has no such program or the hook does not exist
     * @throws BpfException when the kernel refuses the attachment
     */
    public synchronized void attach(String program) {
        Objects.requireNonNull(program, "'program' must not be null");
        ensureLoaded("attach");
        long result = Native.programAttach(this.handle, program);
        if (result < 0) {
            throw Errors.newException("bpf_program__attach", (int) result, describeProgram(program),
                    Native.takeLog());
        }
        this.links.add(result);
    }

    /**
     * Attaches each of {@code programs} and reports, rather than throws, the ones that failed.
     *
     * @return the failures by program name, in the order given; empty when all attached
     */
    public synchronized Map<String, BpfException> attachEach(List<String> programs) {
        Map<String, BpfException> failures = new LinkedHashMap<>();
        for (String program : programs) {
            try {
                attach(program);
            }
            catch (BpfException ex) {
                failures.put(program, ex);
            }
        }
        return failures;
    }

    /**
     * Opens a consumer of a ring-buffer map; it is closed with this object.
     *
     * @param map the {@code BPF_MAP_TYPE_RINGBUF} map's name
     * @param batchBytes size of the direct buffer a poll fills; at least one record's size plus 4
     */
    public synchronized BpfRingBuffer openRingBuffer(String map, int batchBytes) {
        Objects.requireNonNull(map, "'map' must not be null");
        ensureLoaded("openRingBuffer");
        if (batchBytes < BpfRingBuffer.MIN_BATCH_BYTES) {
            throw Errors.newException("ring_buffer__new", -Errors.EINVAL, "batch buffer of " + batchBytes
                    + " bytes for map [" + map + "] is smaller than " + BpfRingBuffer.MIN_BATCH_BYTES);
        }
        long result = Native.ringNew(this.handle, map);
        if (result < 0) {
            throw Errors.newException("ring_buffer__new", (int) result, describeMap(map), Native.takeLog());
        }
        BpfRingBuffer ring = new BpfRingBuffer(result, map, batchBytes);
        this.ringBuffers.add(ring);
        return ring;
    }

    /**
     * Reads a map value.
     *
     * @param key exactly the map's key size
     * @return the value: the map's value size, or for a per-CPU map one 8-byte-aligned slot per possible
     *     CPU
     * @throws BpfNotFoundException when the map or the key does not exist
     */
    public synchronized byte[] lookup(String map, byte[] key) {
        Objects.requireNonNull(map, "'map' must not be null");
        Objects.requireNonNull(key, "'key' must not be null");
        ensureLoaded("lookup");
        byte[] value = new byte[valueBytes(map)];
        check("bpf_map__lookup_elem", Native.mapLookup(this.handle, map, key, value), describeMap(map));
        return value;
    }

    /**
     * Reads an 8-byte value of a per-CPU map with 4-byte keys (a per-CPU array of counters, typically).
     *
     * @return one value per possible CPU
     */
    public synchronized long[] lookupPerCpuLongs(String map, int key) {
        Objects.requireNonNull(map, "'map' must not be null");
        ensureLoaded("lookupPerCpuLongs");
        int type = mapInfo("bpf_map__type", map, Native.mapType(this.handle, map));
        int valueSize = mapInfo("bpf_map__value_size", map, Native.mapValueSize(this.handle, map));
        if (type != PERCPU_ARRAY && type != PERCPU_HASH && type != LRU_PERCPU_HASH || valueSize != 8) {
            throw Errors.newException("bpf_map__lookup_elem", -Errors.EINVAL, "map [" + map + "] of object ["
                    + this.name + "] is not a per-CPU map of 8-byte values (type " + type + ", value size "
                    + valueSize + ")");
        }
        ByteBuffer value = ByteBuffer.wrap(lookup(map, intKey(key))).order(ByteOrder.nativeOrder());
        long[] perCpu = new long[value.capacity() / 8];
        for (int cpu = 0; cpu < perCpu.length; cpu++) {
            perCpu[cpu] = value.getLong(cpu * 8);
        }
        return perCpu;
    }

    /**
     * Reads a loaded program's run statistics from the kernel ({@code bpf_obj_get_info_by_fd}): its
     * recursion misses, and its run count and time when run-time statistics are on.
     *
     * @throws BpfNotFoundException when the object has no such program
     * @throws BpfException with {@link Errors#EBADF} when the program was left out of the load (autoload off)
     */
    public synchronized BpfProgramStats programStats(String program) {
        Objects.requireNonNull(program, "'program' must not be null");
        ensureLoaded("programStats");
        long[] stats = new long[4];
        int result = Native.programStats(this.handle, program, stats);
        if (result == -Errors.EBADF) {
            throw Errors.newException("bpf_program__fd", result, describeProgram(program)
                    + " was not loaded (autoload off), so it has no statistics", Native.takeLog());
        }
        check("bpf_obj_get_info_by_fd", result, describeProgram(program));
        return new BpfProgramStats(program, stats[0], stats[1], stats[2], stats[3] == 1);
    }

    /** Writes a map value; {@code flags} is {@code BPF_ANY} (0), {@code BPF_NOEXIST} (1) or {@code BPF_EXIST} (2). */
    public synchronized void update(String map, byte[] key, byte[] value, long flags) {
        Objects.requireNonNull(map, "'map' must not be null");
        Objects.requireNonNull(key, "'key' must not be null");
        Objects.requireNonNull(value, "'value' must not be null");
        ensureLoaded("update");
        check("bpf_map__update_elem", Native.mapUpdate(this.handle, map, key, value, flags), describeMap(map));
    }

    /** Whether {@link #load()} succeeded and the object is not closed. */
    public synchronized boolean isLoaded() {
        return this.loaded && this.handle != 0;
    }

    /** Destroys the links, frees the ring buffers and closes the object. Idempotent. */
    @Override
    public void close() {
        List<BpfRingBuffer> rings;
        synchronized (this) {
            if (this.handle == 0) {
                return;
            }
            rings = List.copyOf(this.ringBuffers);
            this.ringBuffers.clear();
        }
        // Outside this object's lock: a ring's close waits for a poll in progress to return.
        rings.forEach(BpfRingBuffer::close);
        synchronized (this) {
            if (this.handle == 0) {
                return;
            }
            this.links.forEach(Native::linkDestroy);
            this.links.clear();
            Native.objectClose(this.handle);
            this.handle = 0;
        }
    }

    private static byte[] intKey(int key) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(key).array();
    }

    private int valueBytes(String map) {
        int type = mapInfo("bpf_map__type", map, Native.mapType(this.handle, map));
        int valueSize = mapInfo("bpf_map__value_size", map, Native.mapValueSize(this.handle, map));
        if (type == PERCPU_ARRAY || type == PERCPU_HASH || type == LRU_PERCPU_HASH) {
            return (valueSize + 7) / 8 * 8 * Libbpf.numPossibleCpus();
        }
        return valueSize;
    }

    private int mapInfo(String call, String map, int result) {
        if (result < 0) {
            throw Errors.newException(call, result, describeMap(map));
        }
        return result;
    }

    private void ensureConfigurable(String method) {
        ensureOpen(method);
        if (this.loaded) {
            throw new IllegalStateException(method + "(..) must be called before load() on object [" + this.name
                    + "]");
        }
    }

    private void ensureLoaded(String method) {
        ensureOpen(method);
        if (!this.loaded) {
            throw new IllegalStateException(method + "(..) needs load() first on object [" + this.name + "]");
        }
    }

    private void ensureOpen(String method) {
        if (this.handle == 0) {
            throw new IllegalStateException(method + "(..) called on closed object [" + this.name + "]");
        }
    }

    private void check(String call, int result, String detail) {
        if (result < 0) {
            throw Errors.newException(call, result, detail, Native.takeLog());
        }
    }

    private String describeProgram(String program) {
        String known = this.programNames.contains(program) ? ""
                : " (programs: " + String.join(", ", this.programNames) + ")";
        return "program [" + program + "] of object [" + this.name + "]" + known;
    }

    private String describeMap(String map) {
        String known = this.mapNames.contains(map) ? "" : " (maps: " + String.join(", ", this.mapNames) + ")";
        return "map [" + map + "] of object [" + this.name + "]" + known;
    }

    @Override
    public String toString() {
        return "BpfObject[" + this.name + ", programs " + Arrays.toString(this.programNames.toArray()) + "]";
    }
}
