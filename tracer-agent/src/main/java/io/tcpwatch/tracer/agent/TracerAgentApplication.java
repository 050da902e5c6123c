package io.tcpwatch.tracer.agent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The tcpwatch tracer daemon. Everything it runs comes from
 * {@link io.tcpwatch.tracer.agent.config.TracerAutoConfiguration}; there is no component scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TracerAgentApplication {

    public static void main(String[] args) {
        SpringApplication.run(TracerAgentApplication.class, args);
    }
}
