package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * Each plugin jar needs, outside the JDK and io.maelezo, only libraries that every James server it
 * is for ships in its lib/ (../shared/james-lib/: the 3.8.1 memory and JPA servers for the jar,
 * the 3.9.0 memory server for the james39 one). Every class each jar refers to is read by jdeps;
 * an offending one is named, with the library and the server that lacks it.
 */
class PluginJarReferencesTest {
    private static final Path PLUGIN = Path.of(System.getProperty("maelezo.plugin.jar"));
    private static final Path LISTS = Path.of(System.getProperty("maelezo.james.lib.lists"));
    private static final Pattern REFERENCE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+(.+)$");

    @Test
    void theJamesThreeEightJarNeedsOnlyWhatTheMemoryAndJpaServersShip() throws Exception {
        assertThat(offences(PLUGIN, List.of("james-3.8.1-memory-app.lib.txt", "james-3.8.1-jpa-app.lib.txt"))).isEmpty();
    }

    @Test
    void theJamesThreeNineJarNeedsOnlyWhatTheThreeNineServerShips() throws Exception {
        Path james39 = PLUGIN.resolveSibling(PLUGIN.getFileName().toString().replace(".jar", "-james39.jar"));
        assertThat(offences(james39, List.of("james-3.9.0-memory-app.lib.txt"))).isEmpty();
    }

    @Test
    void aLibraryAServerLacksIsNamedWithTheClassThatNeedsIt() throws Exception {
        // Mustache is not in the JPA server's lib/: were it not inside the jar, this is what the check says.
        List<String> offences = new ArrayList<>();
        check("io.maelezo.engine.text.BounceRenderer", "com.github.mustachejava.Mustache",
            List.of("james-3.8.1-memory-app.lib.txt", "james-3.8.1-jpa-app.lib.txt"), offences);
        assertThat(offences).containsExactly(
            "io.maelezo.engine.text.BounceRenderer -> com.github.mustachejava.Mustache: compiler is not in james-3.8.1-jpa-app.lib.txt");
    }

    private static List<String> offences(Path jar, List<String> servers) throws IOException {
        assertThat(jar).exists();
        StringWriter out = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow()
            .run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", jar.toString());
        assertThat(exit).as("jdeps: " + out).isZero();
        List<String> offences = new ArrayList<>();
        int external = 0;
        for (String line : out.toString().split("\n")) {
            Matcher reference = REFERENCE.matcher(line);
            if (reference.matches() && reference.group(3).trim().equals("not found") && !reference.group(2).startsWith("io.maelezo.")) {
                external++;
                check(reference.group(1), reference.group(2), servers, offences);
            }
        }
        assertThat(external).as("jdeps read the jar's references to libraries").isGreaterThan(10);
        return offences;
    }

    private static void check(String from, String to, List<String> servers, List<String> offences) throws IOException {
        String library = library(to);
        if (library == null) {
            offences.add(from + " -> " + to + ": no row of james-libraries.tsv says which library has it");
            return;
        }
        for (String server : servers) {
            if (!shipped(server).stream().anyMatch(jar -> jar.matches(Pattern.quote(library) + "-\\d.*\\.jar"))) {
                offences.add(from + " -> " + to + ": " + library + " is not in " + server);
            }
        }
    }

    private static String library(String className) throws IOException {
        for (Map.Entry<String, String> row : libraries().entrySet()) {
            if (className.startsWith(row.getKey())) {
                return row.getValue();
            }
        }
        return null;
    }

    private static Map<String, String> libraries() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (InputStream in = PluginJarReferencesTest.class.getResourceAsStream("/james-libraries.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    rows.put(cells[0], cells[1].trim());
                }
            }
        }
        return rows;
    }

    private static TreeSet<String> shipped(String server) throws IOException {
        return new TreeSet<>(Files.readAllLines(LISTS.resolve(server), StandardCharsets.UTF_8));
    }
}
