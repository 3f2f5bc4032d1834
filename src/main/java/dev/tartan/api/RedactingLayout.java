package dev.tartan.api;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Tartan's log line, "HH:mm:ss.SSS LEVEL [thread] logger - message", with the message and any
 * stack trace redacted: the last line of defence, so a token or registered secret that slips into
 * any log message (Tartan's or a library's) is masked before it is written.
 */
public final class RedactingLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(24);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128)
                .append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ')
                .append(String.format("%-5s", event.getLevel())).append(" [").append(event.getThreadName()).append("] ")
                .append(abbreviator.abbreviate(event.getLoggerName())).append(" - ")
                .append(Redactor.shared().redact(event.getFormattedMessage()))
                .append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(Redactor.shared().redact(ThrowableProxyUtil.asString(thrown))).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }
}
