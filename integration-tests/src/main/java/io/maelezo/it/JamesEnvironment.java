package io.maelezo.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the {@code conf/} folder of a James 3.8.1 working directory: the environment (ports,
 * DNS, domain, disabled protocols, logging: {@code io/maelezo/it/james-env/}) plus maelezo's own
 * {@code config/mailetcontainer.xml} (with {@link TestOverlay}) and {@code config/extensions.properties},
 * exactly as an admin copies them.
 */
public final class JamesEnvironment {
    public static final String DOMAIN = "maelezo.test";
    private static final List<String> ENVIRONMENT_FILES = List.of("smtpserver.xml", "imapserver.xml", "pop3server.xml",
        "lmtpserver.xml", "managesieveserver.xml", "dnsservice.xml", "domainlist.xml", "usersrepository.xml",
        "webadmin.properties", "jmx.properties", "jmap.properties", "logback.xml");

    /** How much of maelezo a James gets. */
    public enum Maelezo {
        /** As an admin installs it: config/'s mailetcontainer.xml and extensions.properties. */
        INSTALLED,
        /** maelezo's mailets, but no extensions.properties: the test binds maelezo's classes with its own Guice module. */
        MAILETS_WITH_TEST_MODULE,
        /** Plain James, to compare with: maelezo's mailets taken out, no module. */
        NONE
    }

    /**
     * What James logs ({@code -Dmaelezo.james.logging}). The tests read maelezo's lines and the
     * delivery failures, and nothing else of James's ({@code tests}, the default); the throughput
     * harness logs the same for James and maelezo, so that a line only one of them writes is not
     * counted as what maelezo costs.
     */
    public enum Logging {
        /** James's warnings; maelezo's and RemoteDelivery's INFO lines (what the tests read). */
        TESTS("WARN", "INFO", "INFO"),
        /** As James ships: INFO for everyone (James writes lines for each mail it receives and delivers). */
        JAMES("INFO", "INFO", "INFO"),
        /** Warnings only, maelezo's as James's: no line for a mail that goes well. */
        QUIET("WARN", "WARN", "WARN");

        final String root;
        final String maelezo;
        final String remoteDelivery;

        Logging(String root, String maelezo, String remoteDelivery) {
            this.root = root;
            this.maelezo = maelezo;
            this.remoteDelivery = remoteDelivery;
        }

        public static Logging configured() {
            return valueOf(System.getProperty("maelezo.james.logging", "tests").toUpperCase(Locale.ROOT));
        }
    }

    private JamesEnvironment() {
    }

    /** The repository's config/ folder: what an admin copies into James. */
    public static Path configDirectory() {
        String configured = System.getProperty("maelezo.config.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path candidate : List.of(Path.of("config"), Path.of("../config"))) {
            if (Files.isRegularFile(candidate.resolve("mailetcontainer.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find maelezo's config/ folder; set -Dmaelezo.config.dir");
    }

    /**
     * @param smtpPort     James's SMTP port (0: any free port, read back from the server)
     * @param imapPort     James's IMAP port (0: any free port)
     * @param webadminPort 0 to disable web admin
     * @param remotePort   the rejecting server RemoteDelivery sends to
     */
    public static void write(Path workingDirectory, int smtpPort, int imapPort, int webadminPort, int remotePort) {
        write(workingDirectory, smtpPort, imapPort, webadminPort, remotePort, Maelezo.INSTALLED);
    }

    public static void write(Path workingDirectory, int smtpPort, int imapPort, int webadminPort, int remotePort,
                             Maelezo maelezo) {
        write(workingDirectory, smtpPort, imapPort, webadminPort, maelezo, TestOverlay.gatewayTo(remotePort));
    }

    /** @param overlay what the test changes in config/mailetcontainer.xml: {@link TestOverlay#gatewayTo} and maybe parameters */
    public static void write(Path workingDirectory, int smtpPort, int imapPort, int webadminPort, Maelezo maelezo, TestOverlay overlay) {
        try {
            Path conf = Files.createDirectories(workingDirectory.resolve("conf"));
            Logging logging = Logging.configured();
            Map<String, String> values = Map.of(
                "${root.level}", logging.root,
                "${maelezo.level}", logging.maelezo,
                "${remote.level}", logging.remoteDelivery,
                "${smtp.port}", Integer.toString(smtpPort),
                "${imap.port}", Integer.toString(imapPort),
                "${webadmin.enabled}", Boolean.toString(webadminPort != 0),
                "${webadmin.port}", Integer.toString(webadminPort),
                "${domain}", DOMAIN,
                "${log.file}", workingDirectory.resolve("james.log").toAbsolutePath().toString());
            for (String file : ENVIRONMENT_FILES) {
                String text = resource("james-env/" + file);
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace(value.getKey(), value.getValue());
                }
                Files.writeString(conf.resolve(file), text, StandardCharsets.UTF_8);
            }
            Path config = configDirectory();
            if (maelezo == Maelezo.INSTALLED) {
                Files.copy(config.resolve("extensions.properties"), conf.resolve("extensions.properties"),
                    StandardCopyOption.REPLACE_EXISTING);
                Files.copy(config.resolve("healthcheck.properties"), conf.resolve("healthcheck.properties"),
                    StandardCopyOption.REPLACE_EXISTING);
                // config/webadmin.properties's routes, on the test's own port and switch.
                StringBuilder routes = new StringBuilder();
                for (String line : Files.readAllLines(config.resolve("webadmin.properties"), StandardCharsets.UTF_8)) {
                    if (line.startsWith("extensions.routes")) {
                        routes.append(line).append('\n');
                    }
                }
                Files.writeString(conf.resolve("webadmin.properties"), routes.toString(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            }
            (maelezo == Maelezo.NONE ? overlay.withoutMaelezo() : overlay)
                .apply(config.resolve("mailetcontainer.xml"), conf.resolve("mailetcontainer.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write James's configuration", e);
        }
    }

    /** A port nobody listens on right now, for the processes that need one fixed before they start. */
    public static int freePort() {
        // Below Linux's ephemeral range (32768-60999): a port the OS hands out to outgoing connections
        // could be taken by one of them before the process that is told to listen on it binds it. A
        // port is bound without SO_REUSEADDR to test it (a server that binds it later may not set it,
        // and a port still in TIME_WAIT would fail there), and never handed out twice by this JVM.
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                HANDED_OUT.add(port);
                return port;
            } catch (IOException e) {
                // taken: another
            }
        }
        throw new IllegalStateException("no free port found in 20000-31999");
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static String resource(String name) throws IOException {
        try (InputStream in = JamesEnvironment.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/maelezo/it/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
