package io.maelezo.engine.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows of a part of the development set ({@code tuning.tsv}, {@code held-out.tsv}), read the
 * one way every test reads them. A line is a comment when it starts with "#" and holds no tab: a
 * reply may itself start with "#" (Exchange's "#550 5.1.1 RESOLVER.ADR.RecipNotFound ##"), and such
 * rows were once skipped as comments.
 */
public final class DevelopmentSetFile {
    private DevelopmentSetFile() {
    }

    /** Each row's cells (reply, category, temporary, blocklist, source, meaning, family), without the header. */
    public static List<String[]> rows(String part) {
        return rowsOf("/io/maelezo/devset/" + part);
    }

    /** The rows of another table of replies kept the same way (a header line, comments), such as real-world-replies.tsv. */
    public static List<String[]> rowsOf(String resource) {
        try (InputStream in = DevelopmentSetFile.class.getResourceAsStream(resource)) {
            return rows(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String[]> rows(byte[] file) {
        List<String> lines = new String(file, StandardCharsets.UTF_8).lines()
            .filter(line -> !line.isBlank() && !(line.startsWith("#") && line.indexOf('\t') < 0))
            .collect(Collectors.toList());
        return lines.subList(1, lines.size()).stream().map(line -> line.split("\t", -1)).collect(Collectors.toList());
    }
}
