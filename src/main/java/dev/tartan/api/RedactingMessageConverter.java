package dev.tartan.api;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg}, redacted: the last line of defence, so a token or registered secret that
 * slips into any log message (Tartan's or a library's) is masked before it is written.
 */
public final class RedactingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.shared().redact(super.convert(event));
    }
}
