package io.maelezo.engine.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.maelezo.engine.Category;

/**
 * Reads the knowledge files in {@code io/maelezo/data/}: UTF-8, tab-separated, one header
 * line naming the columns, {@code #} comment lines and blank lines ignored. A row with the
 * wrong number of cells is an error in the data, reported with file and line.
 */
public final class TsvTable {
    /** Each row also holds its line number in the file under this key, so a decision can say where it came from. */
    public static final String LINE = "#line";

    private final String name;
    private final List<Map<String, String>> rows;

    private TsvTable(String name, List<Map<String, String>> rows) {
        this.name = name;
        this.rows = rows;
    }

    public static TsvTable load(String resource) {
        try (InputStream in = TsvTable.class.getResourceAsStream("/io/maelezo/data/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing data file io/maelezo/data/" + resource);
            }
            return parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + resource, e);
        }
    }

    static TsvTable parse(String name, BufferedReader reader) throws IOException {
        List<String> header = null;
        List<Map<String, String>> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.asList(line.split("\t", -1));
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.size() != header.size()) {
                throw new IllegalStateException(name + ":" + number + ": expected " + header.size()
                    + " tab-separated cells " + header + ", found " + cells.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i).trim());
            }
            row.put(LINE, String.valueOf(number));
            rows.add(row);
        }
        return new TsvTable(name, List.copyOf(rows));
    }

    public String name() {
        return name;
    }

    public List<Map<String, String>> rows() {
        return rows;
    }

    /** A code table: each row's {@code code} and the {@code category} it suggests (reply codes, enhanced status codes). */
    static Map<String, Category> categoriesByCode(String resource) {
        Map<String, Category> categories = new HashMap<>();
        for (Map<String, String> row : load(resource).rows()) {
            categories.put(row.get("code"), Category.requireId(row.get("category")));
        }
        return Map.copyOf(categories);
    }
}
