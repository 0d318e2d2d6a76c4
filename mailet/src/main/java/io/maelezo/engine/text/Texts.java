package io.maelezo.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.text.TextStringBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;

/**
 * The words maelezo writes, in each language: {@code maelezo_sw.properties} and
 * {@code maelezo_en.properties} (UTF-8), shipped in the jar from {@code config/texts/}.
 * Each entry is a small Mustache template ({@code {{operator}}}, {@code {{#url}}...{{/url}}}).
 * An admin may override any entry from a directory of files with the same names; an override
 * entry that is not a valid template is ignored with a WARN and the shipped text is used.
 *
 * Texts are rendered without escaping; whoever puts them into HTML escapes the result.
 */
public final class Texts {
    private static final Logger LOGGER = LoggerFactory.getLogger(Texts.class);
    private static final String RESOURCE_DIRECTORY = "/io/maelezo/texts/";
    private static final PlainTextMustacheFactory FACTORY = new PlainTextMustacheFactory();

    private final Map<Language, Map<String, Template>> templates;
    /** Entries without any {{...}}: kept as the text they always render to (most labels and steps). */
    private final Map<Language, Map<String, String>> constants;

    private Texts(Map<Language, Map<String, Template>> templates, Map<Language, Map<String, String>> constants) {
        this.templates = templates;
        this.constants = constants;
    }

    /** The shipped texts. */
    public static Texts shipped() {
        return load(Optional.empty());
    }

    /**
     * The shipped texts with an admin's overrides from {@code directory}.
     *
     * @throws IllegalArgumentException when the directory cannot be read (a wrong setting, said at start-up)
     */
    public static Texts withOverrides(Path directory) {
        if (!Files.isDirectory(directory) || !Files.isReadable(directory)) {
            throw new IllegalArgumentException("texts directory " + directory.toAbsolutePath() + " is not a readable directory");
        }
        return load(Optional.of(directory));
    }

    private static Texts load(Optional<Path> overrides) {
        Map<Language, Map<String, Template>> templates = new EnumMap<>(Language.class);
        Map<Language, Map<String, String>> constants = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String fileName = fileName(language);
            Map<String, Template> compiled = new HashMap<>();
            Map<String, String> fixed = new HashMap<>();
            shippedEntries(fileName).forEach((key, text) -> keep(compiled, fixed, new Template(fileName, key, text)));
            overrides.map(directory -> directory.resolve(fileName)).filter(Files::isRegularFile)
                .ifPresent(file -> applyOverrides(file, compiled, fixed));
            templates.put(language, Map.copyOf(compiled));
            constants.put(language, Map.copyOf(fixed));
        }
        return new Texts(templates, constants);
    }

    /** An entry without any {{...}} is kept as its text; only the others are Mustache templates. */
    private static void keep(Map<String, Template> compiled, Map<String, String> fixed, Template entry) {
        if (entry.text.contains("{{")) {
            compiled.put(entry.key, entry);
            fixed.remove(entry.key);
        } else {
            fixed.put(entry.key, entry.text.trim());
            compiled.remove(entry.key);
        }
    }

    /**
     * One entry with {{...}}, compiled when first rendered: the shipped ones are known to compile
     * (TextsTest), and James starts sooner. An admin's own entries are compiled when read.
     */
    private static final class Template {
        private final String file;
        private final String key;
        private final String text;
        private volatile Mustache compiled;

        Template(String file, String key, String text) {
            this.file = file;
            this.key = key;
            this.text = text;
        }

        Mustache get() {
            Mustache template = compiled;
            if (template == null) {
                template = compile(file, key, text);
                compiled = template;
            }
            return template;
        }
    }

    public static String fileName(Language language) {
        return "maelezo_" + language.tag() + ".properties";
    }

    private static Map<String, String> shippedEntries(String fileName) {
        try (InputStream in = Texts.class.getResourceAsStream(RESOURCE_DIRECTORY + fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing shipped texts " + RESOURCE_DIRECTORY + fileName);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void applyOverrides(Path file, Map<String, Template> compiled, Map<String, String> fixed) {
        Map<String, String> entries;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            entries = read(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read texts file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        entries.forEach((key, text) -> {
            if (!compiled.containsKey(key) && !fixed.containsKey(key)) {
                LOGGER.warn("maelezo: {} has an entry '{}' that maelezo does not use; ignored", file, key);
                return;
            }
            try {
                Template entry = new Template(file.toString(), key, text);
                if (text.contains("{{")) {
                    entry.get();
                }
                keep(compiled, fixed, entry);
            } catch (MustacheException e) {
                LOGGER.warn("maelezo: {} entry '{}' is not a valid template ({}); using the shipped text", file, key, e.getMessage());
            }
        });
    }

    private static Map<String, String> read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> entries = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
        return entries;
    }

    private static Mustache compile(String file, String key, String text) {
        return FACTORY.compile(new StringReader(text), file + "#" + key);
    }

    /** Every entry of a language. */
    public Set<String> keys(Language language) {
        Set<String> keys = new TreeSet<>(constants.get(language).keySet());
        keys.addAll(templates.get(language).keySet());
        return keys;
    }

    /**
     * Whether any entry may use the value {@code name} ({@code {{name}}}, {@code {{#name}}...}):
     * a template that mentions the name at all counts, so the answer errs on the side of yes.
     */
    public boolean mayUse(String name) {
        for (Map<String, Template> entries : templates.values()) {
            for (Template entry : entries.values()) {
                if (entry.text.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean has(Language language, String key) {
        return constants.get(language).containsKey(key) || templates.get(language).containsKey(key);
    }

    /** The entry rendered with these values; empty when the entry does not exist or renders to nothing. */
    public Optional<String> render(Language language, String key, Map<String, ?> values) {
        String constant = constants.get(language).get(key);
        if (constant != null) {
            return constant.isEmpty() ? Optional.empty() : Optional.of(constant);
        }
        Template template = templates.get(language).get(key);
        if (template == null) {
            return Optional.empty();
        }
        TextStringBuilder out = new TextStringBuilder(256); // unsynchronised, unlike a StringWriter
        template.get().execute(out.asWriter(), values);
        String text = out.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public String require(Language language, String key, Map<String, ?> values) {
        return render(language, key, values)
            .orElseThrow(() -> new IllegalStateException("texts " + fileName(language) + " lack the entry '" + key + "'"));
    }

    /** {@code key.1}, {@code key.2}, ... rendered, stopping at the first number that does not exist. */
    public List<String> renderNumbered(Language language, String key, Map<String, ?> values) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; has(language, key + "." + i); i++) {
            render(language, key + "." + i, values).ifPresent(lines::add);
        }
        return lines;
    }
}
