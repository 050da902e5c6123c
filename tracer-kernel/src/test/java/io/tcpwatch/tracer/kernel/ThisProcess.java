package io.tcpwatch.tracer.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the kernel knows of this test process, read from /proc, to compare events with. */
final class ThisProcess {

    private ThisProcess() {
    }

    /** The inode of this process's network namespace, from {@code /proc/self/ns/net -> net:[<inode>]}. */
    static long netnsInode() throws IOException {
        String link = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
    }

    /** The cgroup v2 id: the inode of this process's cgroup directory under the cgroup2 mount. */
    static long cgroupId() throws IOException {
        String path = Files.readAllLines(Path.of("/proc/self/cgroup")).stream().filter(l -> l.startsWith("0::"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no cgroup v2 line in /proc/self/cgroup"))
                .substring(3);
        String mount = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> List.of(line.split(" ")))
                .filter(fields -> fields.get(fields.indexOf("-") + 1).equals("cgroup2"))
                .map(fields -> fields.get(4)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cgroup2 mount in /proc/self/mountinfo"));
        return ((Number) Files.getAttribute(Path.of(mount + path), "unix:ino")).longValue();
    }
}
