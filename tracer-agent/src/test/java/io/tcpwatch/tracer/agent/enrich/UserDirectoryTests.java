package io.tcpwatch.tracer.agent.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTests {

    @TempDir
    Path temp;

    @Test
    void uidResolvesToTheFirstNameWithIt() throws Exception {
        Path passwd = this.temp.resolve("passwd");
        Files.write(passwd, List.of("root:x:0:0:root:/root:/bin/bash", "toor:x:0:0::/:/bin/sh", "broken-line",
                "bad:x:notanumber:0::/:/bin/sh"));

        UserDirectory users = new UserDirectory(passwd);

        assertThat(users.nameOf(0)).isEqualTo("root");
        assertThat(users.nameOf(1000)).isNull();
    }

    @Test
    void userAddedLaterResolvesAfterTheFileChanges() throws Exception {
        Path passwd = this.temp.resolve("passwd");
        Files.write(passwd, List.of("root:x:0:0:root:/root:/bin/bash"));
        UserDirectory users = new UserDirectory(passwd);
        assertThat(users.nameOf(1001)).isNull();
        Files.write(passwd, List.of("root:x:0:0:root:/root:/bin/bash", "bob:x:1001:1001::/home/bob:/bin/sh"));
        Files.setLastModifiedTime(passwd, FileTime.from(Instant.now().plusSeconds(5)));
        Thread.sleep(1_100);

        String name = users.nameOf(1001);

        assertThat(name).isEqualTo("bob");
    }
}
