package io.maelezo.engine.text;

import java.io.IOException;
import java.io.Writer;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;

/** Mustache for plain text: values are written as they are (the HTML template escapes its own). */
final class PlainTextMustacheFactory extends DefaultMustacheFactory {
    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(value);
        } catch (IOException e) {
            throw new MustacheException("cannot write " + value, e);
        }
    }
}
