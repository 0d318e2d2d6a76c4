package io.maelezo.it.queue;

import java.time.ZonedDateTime;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * A test mailet: sets {@code dsn-arrival-date} (a date; DSNBounce and ExplainedDSNBounce read it
 * for the report's Arrival-Date) as an SMTP server with DSN support would. James 3.8.1 reads it but
 * no component of its own sets it, so the queue tests set it themselves, to see it cross the queue.
 */
public class SetArrivalDate extends GenericMailet {
    @Override
    public void service(Mail mail) {
        mail.setAttribute(new Attribute(AttributeName.of("dsn-arrival-date"), AttributeValue.of(ZonedDateTime.now())));
    }
}
