package io.maelezo.report;

import java.util.Enumeration;

import javax.mail.internet.ContentType;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.ParseException;

/** A fresh {@code multipart/report} with the original's parameters (report-type, ...) and a new boundary. */
final class ReportMultipart extends MimeMultipart {
    ReportMultipart(ContentType original) throws ParseException {
        super("report");
        ContentType type = new ContentType(contentType);
        Enumeration<?> names = original.getParameterList().getNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (!name.equalsIgnoreCase("boundary")) {
                type.setParameter(name, original.getParameter(name));
            }
        }
        contentType = type.toString();
    }
}
