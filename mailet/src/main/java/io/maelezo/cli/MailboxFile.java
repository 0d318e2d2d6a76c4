package io.maelezo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

import javax.mail.MessagingException;
import javax.mail.util.SharedByteArrayInputStream;
import javax.mail.util.SharedFileInputStream;

import com.google.common.primitives.Bytes;

import org.apache.james.mime4j.mboxiterator.CharBufferWrapper;
import org.apache.james.mime4j.mboxiterator.FromLinePatterns;
import org.apache.james.mime4j.mboxiterator.MboxIterator;

import io.maelezo.report.BounceReader;

/**
 * A file given to {@code classify --eml}: one message, or a mailbox of several in mbox format
 * (RFC 4155: each message starts with a {@code From } line; what mail clients export and
 * {@code /var/mail} holds), split by mime4j's {@link MboxIterator}. Each message is handed on as a
 * shared stream (javax.mail reads its parts without copying them): a message file of up to 1 MB
 * read at once, a larger one from disk as javax.mail needs it; one whose first lines end in CR
 * alone is given LF line ends. An mbox is read one message at a time, each message at most
 * {@link #LARGEST_MBOX_MESSAGE} characters.
 */
public final class MailboxFile {
    /** What is done with each message of a file. */
    public interface EachMessage {
        /**
         * @param number  the message's place in the file, from 1
         * @param several whether the file holds more than one message (known before the first is handed on)
         */
        void accept(int number, boolean several, InputStream message) throws IOException, MessagingException;
    }

    /** The bytes read first: to see whether a file is an mbox, or ends its lines in CR alone. */
    private static final int HEAD = 8192;
    /** Message files up to this size are read into memory at once; larger ones from disk as needed. */
    private static final long IN_MEMORY = 1024 * 1024;
    private static final byte[] FROM_LINE = "From ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT_FROM_LINE = "\nFrom ".getBytes(StandardCharsets.US_ASCII);
    /** The largest message of an mbox read whole (in characters, one per byte: 64 MB of heap at most). */
    static final int LARGEST_MBOX_MESSAGE = 32 * 1024 * 1024;

    private MailboxFile() {
    }

    /** Hands each message of the file, in order, to {@code each}. */
    public static void forEach(Path file, EachMessage each) throws IOException, MessagingException {
        // A file of up to 1 MB is read once, whole; of a larger one, its head first.
        byte[] whole = Files.size(file) <= IN_MEMORY ? Files.readAllBytes(file) : null;
        byte[] head = whole != null ? whole : head(file);
        if (!startsWith(head, FROM_LINE) || whole != null && Bytes.indexOf(whole, NEXT_FROM_LINE) < 0) {
            try (InputStream message = open(file, head, whole)) {
                each.accept(1, false, message);
            }
            return;
        }
        // Bytes read as ISO-8859-1 chars, one for one, and written back so: any charset survives.
        int largest = (int) Math.min(Files.size(file) + 16, LARGEST_MBOX_MESSAGE);
        try (MboxIterator mbox = MboxIterator.fromFile(file.toFile()).charset(StandardCharsets.ISO_8859_1)
            .fromLine(FromLinePatterns.DEFAULT2).maxMessageSize(largest).build()) {
            Iterator<CharBufferWrapper> messages = mbox.iterator();
            byte[] next = messages.hasNext() ? bytes(messages.next()) : null;
            int number = 0;
            boolean several = false;
            while (next != null) {
                byte[] message = next;
                next = messages.hasNext() ? bytes(messages.next()) : null;
                several |= next != null;
                each.accept(++number, several, new SharedByteArrayInputStream(message));
            }
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] start) {
        return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
    }

    private static byte[] bytes(CharBufferWrapper message) throws IOException {
        byte[] bytes;
        try (InputStream in = message.asInputStream(StandardCharsets.ISO_8859_1)) {
            bytes = in.readAllBytes();
        }
        // The iterator skips one character after the From line: with CRLF line ends, the LF is left.
        byte[] after = bytes.length > 0 && bytes[0] == '\n' ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        return BounceReader.withLineFeeds(after);
    }

    /**
     * One message file as a stream: read whole (then with LF line ends when they are CR alone), or,
     * larger than {@link #IN_MEMORY}, from disk as javax.mail needs it unless its head ends lines in CR alone.
     */
    private static InputStream open(Path file, byte[] head, byte[] whole) throws IOException {
        if (whole != null) {
            return new SharedByteArrayInputStream(BounceReader.withLineFeeds(whole));
        }
        if (BounceReader.withLineFeeds(head) != head) {
            return new SharedByteArrayInputStream(BounceReader.withLineFeeds(Files.readAllBytes(file)));
        }
        return new SharedFileInputStream(file.toFile(), HEAD);
    }
}
