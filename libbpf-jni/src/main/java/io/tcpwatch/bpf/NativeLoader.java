package io.tcpwatch.bpf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Extracts the JNI library from the jar to a private temporary file (mode 0600, deleted once loaded)
 * and loads it. Returns the reason when it cannot, and never throws.
 */
final class NativeLoader {

    static final String LIBRARY_NAME = "libtcpwatch-bpf-jni.so";

    private NativeLoader() {
    }

    static Throwable load() {
        try {
            String platform = platform();
            String resource = "/native/" + platform + "/" + LIBRARY_NAME;
            Path file = extract(resource);
            try {
                System.load(file.toString());
            }
            finally {
                Files.deleteIfExists(file);
            }
            Native.libbpfVersion();
            return null;
        }
        catch (Throwable ex) {
            return ex;
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.equals("linux")) {
            throw new UnsupportedOperationException("BPF needs Linux; os.name is [" + os + "]");
        }
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            throw new UnsupportedOperationException(
                    "the libbpf JNI library is built for x86_64 only; os.arch is [" + arch + "]");
        }
        return "linux-x86_64";
    }

    private static Path extract(String resource) throws IOException {
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource [" + resource + "] is missing from the classpath");
            }
            Path file = Files.createTempFile("tcpwatch-bpf-jni-", ".so",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
