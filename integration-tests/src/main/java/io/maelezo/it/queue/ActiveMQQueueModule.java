package io.maelezo.it.queue;

import java.io.File;

import javax.jms.ConnectionFactory;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.activemq.ActiveMQMailQueueFactory;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollectorNoop;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.ManageableMailQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * James's ActiveMQ mail queue (the one the JPA server embeds) in place of the memory server's:
 * {@code james-server-queue-activemq:3.8.1} is served, its Guice wiring is not, so this is ours.
 * The broker is either embedded in James, persistent (KahaDB under the working directory's
 * {@code var/store/activemq/brokers}: it survives a restart, as the JPA server's does), or shared:
 * {@code -Dmaelezo.activemq.broker=tcp://127.0.0.1:PORT} connects to a broker other James nodes use
 * too. Mail bodies travel inside the JMS messages (no blob files on one node's disk).
 */
public final class ActiveMQQueueModule extends AbstractModule {
    static final String BROKER = "maelezo.activemq.broker";
    /** The embedded broker, stopped after James (its consumers first): see ActiveMQJamesServerMain. */
    private static volatile BrokerService embedded;

    static void stopEmbeddedBroker() throws Exception {
        if (embedded != null) {
            embedded.stop();
            embedded.waitUntilStopped();
        }
    }

    @Provides
    @Singleton
    ConnectionFactory connectionFactory(FileSystem fileSystem) throws Exception {
        String shared = System.getProperty(BROKER, "embedded");
        ActiveMQConnectionFactory factory;
        if (shared.startsWith("tcp:")) {
            factory = new ActiveMQConnectionFactory(shared);
        } else {
            BrokerService broker = new BrokerService();
            broker.setBrokerName("maelezo");
            broker.setUseJmx(false);
            broker.setPersistent(true);
            File directory = fileSystem.getFile("file://var/store/activemq/brokers");
            broker.setDataDirectoryFile(directory);
            KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
            kahaDb.setDirectory(new File(directory, "KahaDB"));
            broker.setPersistenceAdapter(kahaDb);
            broker.setUseShutdownHook(false);
            broker.setSchedulerSupport(false);
            broker.start();
            broker.waitUntilStarted();
            embedded = broker;
            factory = new ActiveMQConnectionFactory("vm://maelezo?create=false");
        }
        factory.setTrustAllPackages(true);
        return factory;
    }

    @Provides
    @Singleton
    ActiveMQMailQueueFactory activeMQMailQueueFactory(ConnectionFactory connectionFactory, MailQueueItemDecoratorFactory decorators,
                                                      MetricFactory metrics, GaugeRegistry gauges) {
        ActiveMQMailQueueFactory queues = new ActiveMQMailQueueFactory(connectionFactory, decorators, metrics, gauges,
            new ActiveMQMetricCollectorNoop());
        queues.setUseBlobMessages(false);
        queues.setUseJMX(false);
        queues.init();
        return queues;
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends ManageableMailQueue> manageableMailQueueFactory(ActiveMQMailQueueFactory queues) {
        return queues;
    }

    @Provides
    @Singleton
    MailQueueFactory<?> mailQueueFactory(ActiveMQMailQueueFactory queues) {
        return queues;
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends MailQueue> mailQueueFactoryGenerics(ActiveMQMailQueueFactory queues) {
        return queues;
    }
}
