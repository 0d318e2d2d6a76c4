package io.maelezo.it.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * A test mailet: writes every attribute of each mail it sees, name and value as James's queues
 * serialize them (JSON), one line per mail, to {@code attributes.log} in James's working directory.
 * Put where maelezo reads them (after a queue hop), it shows what arrived.
 */
public class RecordAttributes extends GenericMailet {
    private Path log;

    @Override
    public void init() {
        log = Path.of(System.getProperty("working.directory", ".")).resolve("attributes.log");
    }

    @Override
    public void service(Mail mail) {
        String line = getInitParameter("at", "?") + "\t" + mail.getName() + "\t" + mail.attributes()
            .map(attribute -> attribute.getName().asString() + "=" + attribute.getValue().toJson().map(Object::toString).orElse("(no JSON form)"))
            .sorted().collect(Collectors.joining("\t")) + "\n";
        try {
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
