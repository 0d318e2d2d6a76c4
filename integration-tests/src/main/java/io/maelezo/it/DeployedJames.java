package io.maelezo.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Apache James 3.8.1 started as its own {@code java} process, installed the way README.md tells
 * an admin to: the memory server's jars in {@code lib/}, maelezo's jar in {@code extensions-jars/},
 * maelezo's {@code config/} files in {@code conf/} (plus the environment and the test overlay).
 */
public final class DeployedJames implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final Path workingDirectory;
    private final int smtpPort;
    private final int imapPort;
    private final int webadminPort;
    /** How this James was started: {@link #restart()} starts it again the same way, on the same directory. */
    private final List<String> command;

    private DeployedJames(Process process, Path workingDirectory, int smtpPort, int imapPort, int webadminPort, List<String> command) {
        this.command = command;
        this.process = process;
        this.workingDirectory = workingDirectory;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.webadminPort = webadminPort;
    }

    /** The folder the build assembles James's lib/ in, and the plugin jar it builds. */
    public static Path jamesLib() {
        return Path.of(System.getProperty("maelezo.james.home", "integration-tests/target/james")).resolve("lib");
    }

    public static Path pluginJar() {
        String configured = System.getProperty("maelezo.plugin.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        try (Stream<Path> jars = Files.list(Path.of("mailet/target"))) {
            return jars.filter(jar -> jar.getFileName().toString().matches("maelezo-mailet-.*\\.jar"))
                .filter(jar -> !jar.getFileName().toString().contains("james39"))
                .filter(jar -> !jar.getFileName().toString().endsWith("-tests.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no mailet/target/maelezo-mailet-*.jar: build first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DeployedJames start(Path workingDirectory, int remotePort) throws IOException, InterruptedException {
        return start(workingDirectory, remotePort, true);
    }

    /** @param withMaelezo false for plain James: no maelezo jar, module or mailets (to compare with) */
    public static DeployedJames start(Path workingDirectory, int remotePort, boolean withMaelezo) throws IOException, InterruptedException {
        return start(workingDirectory, remotePort, withMaelezo, UnaryOperator.identity());
    }

    /**
     * @param mailetContainer what the admin changed in conf/mailetcontainer.xml (a misspelt parameter)
     * @throws IllegalStateException when James stops while starting, with the end of its log
     */
    public static DeployedJames start(Path workingDirectory, int remotePort, boolean withMaelezo, UnaryOperator<String> mailetContainer)
        throws IOException, InterruptedException {
        return start(workingDirectory, remotePort, withMaelezo, mailetContainer, JamesQueue.MEMORY);
    }

    public static DeployedJames start(Path workingDirectory, int remotePort, boolean withMaelezo, UnaryOperator<String> mailetContainer,
                                      JamesQueue queue) throws IOException, InterruptedException {
        Path lib = jamesLib();
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " does not exist: build first (mvn install -DskipTests)");
        }
        int smtp = JamesEnvironment.freePort();
        int imap = JamesEnvironment.freePort();
        int webadmin = JamesEnvironment.freePort();
        Files.createDirectories(workingDirectory);
        JamesEnvironment.write(workingDirectory, smtp, imap, webadmin, remotePort,
            withMaelezo ? JamesEnvironment.Maelezo.INSTALLED : JamesEnvironment.Maelezo.NONE);
        Path mailets = workingDirectory.resolve("conf/mailetcontainer.xml");
        Files.writeString(mailets, mailetContainer.apply(Files.readString(mailets, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        if (withMaelezo) {
            Path extensions = Files.createDirectories(workingDirectory.resolve("extensions-jars"));
            Path plugin = pluginJar();
            Files.copy(plugin, extensions.resolve(plugin.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
            "-Dworking.directory=" + workingDirectory.toAbsolutePath(),
            "-Dlogback.configurationFile=" + workingDirectory.resolve("conf/logback.xml").toAbsolutePath(),
            "-Xmx1g"));
        if (queue.broker == null) {
            command.addAll(List.of("-cp", lib.toAbsolutePath() + "/*", "org.apache.james.MemoryJamesServerMain"));
        } else {
            Path target = lib.getParent().getParent();
            command.addAll(List.of("-Dmaelezo.activemq.broker=" + queue.broker, "-cp",
                lib.toAbsolutePath() + "/*" + File.pathSeparator + target.resolve("activemq-lib").toAbsolutePath() + "/*"
                    + File.pathSeparator + target.resolve("classes").toAbsolutePath(),
                "io.maelezo.it.queue.ActiveMQJamesServerMain"));
        }
        return launch(command, workingDirectory, smtp, imap, webadmin);
    }

    private static DeployedJames launch(List<String> command, Path workingDirectory, int smtp, int imap, int webadmin)
        throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(workingDirectory.resolve("james.out").toFile()))
            .start();
        DeployedJames james = new DeployedJames(process, workingDirectory, smtp, imap, webadmin, command);
        try {
            james.awaitStarted();
        } catch (RuntimeException | IOException | InterruptedException e) {
            james.close();
            throw e;
        }
        return james;
    }

    private void awaitStarted() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("James stopped while starting (exit " + process.exitValue() + "):\n" + logTail());
            }
            if (logTail().contains("Address already in use")) {
                throw new IllegalStateException("James could not bind one of its ports:\n" + logTail());
            }
            if (listening(smtpPort) && listening(imapPort) && webadminAnswers()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("James did not start within " + START_TIMEOUT + ":\n" + logTail());
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean webadminAnswers() {
        try {
            return http("GET", "/domains", null).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Creates a mail user, as an admin would with the web admin API. */
    public void addUser(String address, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = http("PUT", "/users/" + address, "{\"password\":\"" + password + "\"}");
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("cannot create user " + address + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** What the web admin API answers to a GET of this path ({@code /metrics}, {@code /healthcheck}). */
    public String webadminGet(String path) throws IOException, InterruptedException {
        return http("GET", path, null).body();
    }

    private HttpResponse<String> http(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webadminPort + path))
            .timeout(Duration.ofSeconds(5))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** CPU time James's process has used so far, all its threads together (zero where the OS does not tell). */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * Stops James's process where it stands (SIGSTOP; POSIX only), for a benchmark that measures
     * another James alone. {@link #resume()} lets it go on; {@link #close()} resumes it first.
     */
    public void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    /**
     * CPU time of James's threads by kind (the thread's name without its number: "spooler",
     * "C2 CompilerThre", "GC Thread"), in clock ticks, read from Linux's /proc; empty elsewhere.
     * To see where a difference in {@link #cpuTime()} comes from: the JIT, the collector or the mail.
     */
    public Map<String, Long> cpuTicksByThreadKind() {
        Map<String, Long> ticks = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    ticks.merge(name.replaceAll("[-#0-9]+$", "").trim(), used, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended while being read
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** James's log (conf/logback.xml writes it to james.log). */
    public String log() {
        try {
            Path log = workingDirectory.resolve("james.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String logTail() {
        try {
            List<String> lines = Stream.of("james.out", "james.log")
                .map(workingDirectory::resolve).filter(Files::exists)
                .flatMap(file -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().collect(Collectors.toList()).stream();
                    } catch (IOException e) {
                        return Stream.empty();
                    }
                }).collect(Collectors.toList());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (RuntimeException e) {
            return "(no log)";
        }
    }

    /** kill -9: James stops at once, mid-work, as in a power cut (SIGKILL on Linux). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The same James started again on the same working directory, configuration and ports (after {@link #kill()}). */
    public DeployedJames restart() throws IOException, InterruptedException {
        return launch(command, workingDirectory, smtpPort, imapPort, webadminPort);
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                resume();
            }
        } catch (IOException | RuntimeException e) {
            // not stopped, or no kill command: destroy it as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
