package io.maelezo.it.queue;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;

/**
 * A James 3.8.1 test server: the memory server (memory users and mailboxes) with James's ActiveMQ
 * mail queue ({@link ActiveMQQueueModule}) instead of its memory queue. A hybrid, for tests of what a
 * persistent queue does to maelezo's mail attributes, a crash and two nodes; not a distribution.
 */
public final class ActiveMQJamesServerMain {
    private ActiveMQJamesServerMain() {
    }

    public static void main(String[] args) throws Exception {
        MemoryJamesConfiguration configuration = MemoryJamesConfiguration.builder().useWorkingDirectoryEnvProperty().build();
        GuiceJamesServer server = MemoryJamesServerMain.createServer(configuration).overrideWith(new ActiveMQQueueModule());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            try {
                ActiveMQQueueModule.stopEmbeddedBroker();
            } catch (Exception e) {
                // stopping anyway
            }
        }));
    }
}
