package io.maelezo.it;

/**
 * Which mail queue a {@link DeployedJames} runs: the memory server's own, or James's ActiveMQ queue
 * ({@code io.maelezo.it.queue.ActiveMQJamesServerMain}), its broker embedded or shared by URL.
 */
public final class JamesQueue {
    static final JamesQueue MEMORY = new JamesQueue(null);
    /** null: the memory queue. */
    final String broker;

    private JamesQueue(String broker) {
        this.broker = broker;
    }

    /** @param broker "embedded" (persistent, in the working directory) or {@code tcp://127.0.0.1:PORT} (shared) */
    public static JamesQueue activeMQ(String broker) {
        return new JamesQueue(broker);
    }
}
