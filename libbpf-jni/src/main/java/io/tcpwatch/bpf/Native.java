package io.tcpwatch.bpf;

import java.nio.ByteBuffer;

/**
 * The JNI natives, registered by the library's {@code JNI_OnLoad} from its method table.
 *
 * <p>IMPORTANT: each signature here matches an entry of the table in {@code src/main/c/libbpf_jni.c}.
 * Natives return {@code -errno} on failure and never throw; handles are native pointers, positive.
 */
final class Native {

    private Native() {
    }

    static native String strerror(int errno);

    /** What libbpf printed (warning and info levels) on this thread since the last native call began. */
    static native String takeLog();

    static native String libbpfVersion();

    static native int numPossibleCpus();

    static native int probeTracingLoad();

    static native long objectOpenFile(String path);

    static native long objectOpenMem(byte[] image, String objectName);

    static native String[] programNames(long object);

    static native String[] mapNames(long object);

    static native int programSetAutoload(long object, String program, boolean autoload);

    static native int mapSetMaxEntries(long object, String map, int maxEntries);

    static native int rodataSize(long object, String variable);

    static native int rodataSet(long object, String variable, byte[] value);

    static native int objectLoad(long object);

    static native long programAttach(long object, String program);

    static native int linkDestroy(long link);

    /** Fills {@code stats} (4 slots): run count, run time in ns, recursion misses, 1 if reported. */
    static native int programStats(long object, String program, long[] stats);

    /** Returns the file descriptor that keeps the kernel's run-time statistics on while it is open. */
    static native int enableRunTimeStats();

    static native int closeFd(int fd);

    static native void objectClose(long object);

    static native int mapKeySize(long object, String map);

    static native int mapValueSize(long object, String map);

    static native int mapType(long object, String map);

    static native int mapLookup(long object, String map, byte[] key, byte[] value);

    static native int mapUpdate(long object, String map, byte[] key, byte[] value, long flags);

    static native long ringNew(long object, String map);

    /** Fills {@code batch} from offset 0 with records, each a 4-byte native-order length and its bytes. */
    static native int ringPoll(long ring, ByteBuffer batch, int timeoutMillis);

    static native void ringFree(long ring);
}
