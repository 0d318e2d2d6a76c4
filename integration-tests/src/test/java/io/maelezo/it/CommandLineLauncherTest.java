package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as the README gives it to an admin: {@code mailet/bin/maelezo} running the
 * built {@code maelezo-cli.jar} in its own process, over bounce files of several servers and line
 * ends, and a file that is not there.
 */
class CommandLineLauncherTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("maelezo.cli.launcher"));
    private static final Path JAR = Path.of(System.getProperty("maelezo.cli.jar"));
    private static final Path FAMILIES = Path.of(System.getProperty("maelezo.families.dir"));
    /** The launcher's cache folder (its class data sharing archive), this test's own. */
    @TempDir
    static Path cache;

    @Test
    void readsBouncesOfSeveralServersAndGoesOnPastAMissingFile(@TempDir Path folder) throws Exception {
        Path crOnly = folder.resolve("qmail-cr.eml");
        String qmail = Files.readString(FAMILIES.resolve("qmail.eml"), StandardCharsets.ISO_8859_1);
        Files.writeString(crOnly, qmail.replace("\n", "\r"), StandardCharsets.ISO_8859_1);

        Result result = run(FAMILIES.resolve("postfix.eml").toString(), crOnly.toString(), folder.resolve("missing.eml").toString(),
            FAMILIES.resolve("exchange2003.eml").toString());

        assertThat(result.exit).as("a file that cannot be read makes the exit code 1").isEqualTo(1);
        assertThat(result.lines).hasSize(4);
        assertThat(result.lines.get(0)).contains("\"is_bounce\":true", "\"recipient\":\"amina@example.net\"", "\"category\":\"mailbox-unknown\"",
            "\"recipient\":\"full@example.org\"", "\"category\":\"mailbox-full\"");
        assertThat(result.lines.get(1)).as("a bounce with CR-only line ends")
            .contains("\"recipient\":\"amina@example.net\"", "\"recipient\":\"gone@example.org\"", "\"category\":\"mailbox-unknown\"");
        assertThat(result.lines.get(2)).contains("missing.eml", "\"is_bounce\":false", "\"error\":");
        assertThat(result.lines.get(3)).as("the files after the missing one are still read").contains("\"is_bounce\":true");
    }

    @Test
    void aSecondRunMapsTheClassArchiveTheFirstMadeAndPrintsOnlyJson(@TempDir Path ownCache) throws Exception {
        String postfix = FAMILIES.resolve("postfix.eml").toString();

        Result first = run(Map.of("XDG_CACHE_HOME", ownCache.toString()), postfix);
        Result second = run(Map.of("XDG_CACHE_HOME", ownCache.toString()), postfix);

        try (var archives = Files.list(ownCache.resolve("maelezo"))) {
            // Java 25 (the build's): an ahead-of-time cache, and nothing of the first run's record left beside it.
            assertThat(archives.map(path -> path.getFileName().toString())).as("the archive the first run made")
                .singleElement().satisfies(name -> assertThat(name).startsWith("maelezo-cli-").endsWith(".aot"));
        }
        assertThat(first.exit).isZero();
        assertThat(second.exit).isZero();
        assertThat(first.errors).as("the first run, recorded for the cache, says nothing of it").isEmpty();
        assertThat(second.errors).isEmpty();
        assertThat(second.lines).isEqualTo(first.lines).hasSize(1).allSatisfy(line -> assertThat(line).startsWith("{\"file\":"));
    }

    @Test
    void archivesOfReplacedJarsAreRemovedKeepingTheTwoNewestOthers(@TempDir Path ownCache) throws Exception {
        Path folder = Files.createDirectories(ownCache.resolve("maelezo"));
        long now = System.currentTimeMillis();
        for (int i = 1; i <= 4; i++) {
            // Both kinds: a dynamic CDS archive (Java 19 to 24) and an ahead-of-time cache (Java 25 and later).
            Path old = Files.writeString(folder.resolve("maelezo-cli-" + i + (i % 2 == 0 ? ".jsa" : ".aot")), "an archive of a jar replaced since");
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(now - i * 3_600_000L));
        }
        Files.writeString(folder.resolve("notes.txt"), "not an archive");

        Result result = run(Map.of("XDG_CACHE_HOME", ownCache.toString()), FAMILIES.resolve("postfix.eml").toString());

        assertThat(result.exit).isZero();
        try (var left = Files.list(folder)) {
            List<String> names = left.map(path -> path.getFileName().toString()).collect(java.util.stream.Collectors.toList());
            assertThat(names).as("the two newest others, this jar's own, and what is not an archive")
                .contains("maelezo-cli-1.aot", "maelezo-cli-2.jsa", "notes.txt")
                .doesNotContain("maelezo-cli-3.aot", "maelezo-cli-4.jsa").hasSize(4)
                .anySatisfy(name -> assertThat(name).startsWith("maelezo-cli-" + Files.size(JAR) + "-").endsWith(".aot"));
        }
    }

    @Test
    void aCopyOfTheJarElsewhereGetsItsOwnArchiveAndNoJvmErrors(@TempDir Path ownCache, @TempDir Path elsewhere) throws Exception {
        // Same size, other place: the JVM refuses an archive made for the other path ("shared class
        // paths mismatch") and says so on standard error at every run.
        Path copy = Files.copy(JAR, elsewhere.resolve(JAR.getFileName()));
        String postfix = FAMILIES.resolve("postfix.eml").toString();

        Result original = run(Map.of("XDG_CACHE_HOME", ownCache.toString()), postfix);
        Result first = run(Map.of("XDG_CACHE_HOME", ownCache.toString(), "MAELEZO_CLI_JAR", copy.toString()), postfix);
        Result second = run(Map.of("XDG_CACHE_HOME", ownCache.toString(), "MAELEZO_CLI_JAR", copy.toString()), postfix);

        for (Result result : List.of(original, first, second)) {
            assertThat(result.exit).isZero();
            assertThat(result.errors).isEmpty();
        }
        try (var archives = Files.list(ownCache.resolve("maelezo"))) {
            assertThat(archives).as("one archive for each place").hasSize(2);
        }
    }

    @Test
    void readsATwentyMegabyteBounceInAFortyEightMegabyteHeap(@TempDir Path folder) throws Exception {
        // The file is read from disk as javax.mail needs it, not copied into memory (twice).
        String postfix = Files.readString(FAMILIES.resolve("postfix.eml"), StandardCharsets.ISO_8859_1);
        String boundary = "--4TqXyZ1Abcz9sQ.1715649164/mail.example.com--";
        byte[] noise = new byte[15 * 1024 * 1024];
        new java.util.Random(19).nextBytes(noise);
        String attachment = "--4TqXyZ1Abcz9sQ.1715649164/mail.example.com\nContent-Type: application/octet-stream\n"
            + "Content-Transfer-Encoding: base64\n\n" + java.util.Base64.getMimeEncoder().encodeToString(noise) + "\n";
        Path big = folder.resolve("big.eml");
        Files.writeString(big, postfix.replace(boundary, attachment + boundary), StandardCharsets.ISO_8859_1);
        assertThat(Files.size(big)).isGreaterThan(20_000_000L);

        Result result = run(Map.of("JAVA_TOOL_OPTIONS", "-Xmx48m"), big.toString(), big.toString());

        assertThat(result.exit).isZero();
        assertThat(result.lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"recipient\":\"amina@example.net\""));
    }

    private static final class Result {
        final int exit;
        final List<String> lines;
        /** What the launcher and its JVM wrote on standard error. */
        final String errors;

        Result(int exit, List<String> lines, String errors) {
            this.exit = exit;
            this.lines = lines;
            this.errors = errors;
        }
    }

    private static Result run(String... files) throws IOException, InterruptedException {
        return run(Map.of(), files);
    }

    private static Result run(Map<String, String> environment, String... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString(), "classify", "--eml"));
        command.addAll(List.of(files));
        Path errorFile = Files.createTempFile(cache, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false).redirectError(errorFile.toFile());
        builder.environment().put("MAELEZO_CLI_JAR", JAR.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(errorFile, StandardCharsets.UTF_8);
        Files.delete(errorFile);
        return new Result(process.exitValue(), out.lines().collect(java.util.stream.Collectors.toList()), errors);
    }
}
