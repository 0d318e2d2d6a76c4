package io.maelezo.cli;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.maelezo.engine.classify.Classification;

/**
 * One JSON object of the command line's output, written as one line by Jackson's streaming
 * writer (no object model is built: bulk reading starts and runs faster).
 */
final class JsonLine {
    private static final JsonFactory JSON = new JsonFactory();

    private final StringWriter text = new StringWriter();
    final JsonGenerator generator;

    JsonLine() throws IOException {
        generator = JSON.createGenerator(text);
    }

    String text() throws IOException {
        generator.flush();
        return text.toString();
    }

    /** The fields every classification has, in this order (README of the CLI). */
    static void classification(JsonGenerator json, Classification classification) throws IOException {
        json.writeStringField("reply_code", classification.replyCode().orElse(null));
        json.writeStringField("enhanced_status", classification.enhancedStatus().orElse(null));
        json.writeStringField("category", classification.category().id());
        json.writeBooleanField("temporary", classification.temporary());
        json.writeStringField("blocklist", classification.blocklist().map(operator -> operator.id()).orElse(null));
        json.writeStringField("blocklist_url", classification.blocklistUrl().orElse(null));
        json.writeStringField("decided_by", classification.decidedBy());
    }
}
