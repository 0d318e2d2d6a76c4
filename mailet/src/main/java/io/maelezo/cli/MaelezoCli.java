package io.maelezo.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;


import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.help.ForgedBounceCheck;
import io.maelezo.engine.help.OwnHosts;
import io.maelezo.engine.text.Explanation;
import io.maelezo.engine.text.Language;
import io.maelezo.report.BounceDecorator;
import io.maelezo.report.BounceReader;
import io.maelezo.report.Decoration;

/**
 * {@code java -jar maelezo-cli.jar}: the engine of the mailets, from a shell. See {@link #USAGE}.
 * Exit status: 0 success; 1 error (said on stderr); 2 usage error; 3 ({@code decorate}) nothing
 * to improve, OUT is a byte-for-byte copy of IN.
 */
public final class MaelezoCli {
    /** The mailets' parameters: the engine's settings, and DecorateBounce's ownHosts (this machine's name and public addresses by default). */
    static final List<String> PARAMETERS = Stream.concat(Settings.NAMES.stream(), Stream.of("ownHosts")).collect(Collectors.toUnmodifiableList());
    static final String USAGE = String.join("\n",
        "usage: java -jar maelezo-cli.jar classify                  (one reply per line on stdin, one JSON object per line out)",
        "       java -jar maelezo-cli.jar classify --eml FILE...    (what maelezo understands of each message)",
        "       java -jar maelezo-cli.jar explain [--lang sw|en] TEXT",
        "       java -jar maelezo-cli.jar decorate IN.eml OUT.eml   (exactly what the DecorateBounce mailet does)",
        "Each command takes the mailets' parameters as --param NAME=VALUE (repeatable): " + String.join(", ", PARAMETERS) + ".");
    static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE_ERROR = 2;
    static final int UNCHANGED = 3;
    /** A line longer than this is classified on its first part only: codes come first in a reply. */
    private static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    /** The mailets' parameters given as --param NAME=VALUE. */
    private Settings settings = Settings.defaults();
    /** Tells a bounce of mail that never passed through this installation ({@code --param ownHosts}). */
    private Optional<ForgedBounceCheck> forged = Optional.empty();

    MaelezoCli(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new MaelezoCli(new BufferedInputStream(System.in), out, err).run(args));
    }

    int run(String[] args) {
        try {
            if (args.length == 0) {
                return usage("no command given");
            }
            List<String> rest = new ArrayList<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (!args[i].equals("--param")) {
                    rest.add(args[i]);
                    continue;
                }
                String parameter = i + 1 < args.length ? args[++i] : "";
                int equals = parameter.indexOf('=');
                if (equals <= 0 || !PARAMETERS.contains(parameter.substring(0, equals))) {
                    return usage("--param takes NAME=VALUE, NAME one of " + String.join(", ", PARAMETERS) + "; not '" + parameter + "'");
                }
                parameters.put(parameter.substring(0, equals), parameter.substring(equals + 1));
            }
            try {
                settings = Settings.parse(parameters::get);
                OwnHosts own = parameters.containsKey("ownHosts") ? OwnHosts.parse(parameters.get("ownHosts")) : OwnHosts.thisMachine();
                forged = Optional.of(new ForgedBounceCheck(own, own));
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            }
            switch (args[0]) {
                case "classify":
                    return rest.isEmpty() ? classifyLines()
                        : rest.get(0).equals("--eml") && rest.size() > 1 ? classifyFiles(rest.subList(1, rest.size()))
                        : usage("classify takes no argument, or --eml and at least one file");
                case "explain":
                    return explain(rest);
                case "decorate":
                    return rest.size() == 2 ? decorate(Path.of(rest.get(0)), Path.of(rest.get(1))) : usage("decorate takes IN.eml OUT.eml");
                case "-h":
                case "--help":
                case "help":
                    out.println(USAGE);
                    return OK;
                default:
                    return usage("unknown command '" + args[0] + "'");
            }
        } catch (Exception e) {
            err.println("maelezo: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return ERROR;
        }
    }

    private int usage(String problem) {
        err.println("maelezo: " + problem);
        err.println(USAGE);
        return USAGE_ERROR;
    }

    private int classifyLines() throws IOException {
        Engine engine = Engine.create(settings);
        Optional<String> line;
        while ((line = readLine(in)).isPresent()) {
            JsonLine row = new JsonLine();
            row.generator.writeStartObject();
            JsonLine.classification(row.generator, engine.classify(line.get()));
            row.generator.writeEndObject();
            out.println(row.text());
        }
        return OK;
    }

    private int classifyFiles(List<String> files) throws IOException {
        BounceReader reader = BounceReader.load();
        return ClassifyEml.run(files, reader, new BounceDecorator(Engine.create(settings), reader, forged), out) ? OK : ERROR;
    }

    private int explain(List<String> args) {
        Language language = settings.language();
        List<String> words = new ArrayList<>(args);
        if (!words.isEmpty() && words.get(0).equals("--lang")) {
            if (words.size() < 2) {
                return usage("--lang takes " + Language.allowedTags());
            }
            Optional<Language> chosen = Language.fromTag(words.get(1));
            if (chosen.isEmpty()) {
                return usage("--lang takes " + Language.allowedTags() + ", not '" + words.get(1) + "'");
            }
            language = chosen.get();
            words = words.subList(2, words.size());
        }
        if (words.isEmpty()) {
            return usage("explain takes the text of a reply");
        }
        Engine engine = Engine.create(settings.withLanguage(language).withBilingual(false));
        Classification classification = engine.classify(String.join(" ", words));
        Explanation explanation = engine.explain(language, classification, List.of());
        out.println(explanation.headline());
        out.println();
        out.println(engine.texts().require(language, "section.what", Map.of()));
        explanation.whatHappened().forEach(out::println);
        out.println();
        out.println(engine.texts().require(language, "section.steps", Map.of()));
        for (int i = 0; i < explanation.steps().size(); i++) {
            out.println((i + 1) + ". " + explanation.steps().get(i));
        }
        explanation.links().forEach(link -> out.println("- " + link.label() + ": " + link.url()));
        out.println();
        out.println("[" + classification.category().id() + "]");
        return OK;
    }

    private int decorate(Path input, Path output) throws Exception {
        byte[] original = Files.readAllBytes(input);
        BounceDecorator decorator = new BounceDecorator(Engine.create(settings), BounceReader.load(), forged);
        Decoration decoration = decorator.decorate(new MimeMessage(session(), new ByteArrayInputStream(original)), Optional.empty());
        if (decoration.message().isEmpty()) {
            Files.write(output, original);
            err.println("maelezo: unchanged: " + decoration.reason());
            return UNCHANGED;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        decoration.message().get().writeTo(bytes);
        Files.write(output, bytes.toByteArray());
        return OK;
    }

    /** One session for every file: a new one reads javax.mail's resource files again. */
    private static final Session SESSION = Session.getInstance(new Properties());

    static Session session() {
        return SESSION;
    }

    /** One line of stdin (ending in \n, a trailing \r dropped), bytes decoded as UTF-8; empty at the end. */
    static Optional<String> readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        if (!any) {
            return Optional.empty();
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return Optional.of(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }

}
