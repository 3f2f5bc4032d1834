package dev.tartan.cli;

import dev.tartan.api.Redactor;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard error as the command line writes it: every line goes through the {@link Redactor}
 * (tokens masked, known secrets hidden) before it reaches the terminal, whoever wrote it (a
 * command, picocli's own messages, a stack trace). Lines are redacted whole, so that a token
 * written in pieces is still recognised.
 */
final class RedactingPrintWriter extends PrintWriter {

    RedactingPrintWriter(Writer target) {
        super(new LineRedactor(target), true);
    }

    /** {@code err} redacted, unless it is already. */
    static PrintWriter around(PrintWriter err) {
        return err instanceof RedactingPrintWriter ? err : new RedactingPrintWriter(err);
    }

    private static final class LineRedactor extends Writer {
        private final Writer target;
        private final StringBuilder line = new StringBuilder();

        LineRedactor(Writer target) {
            this.target = target;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws java.io.IOException {
            for (int i = offset; i < offset + length; i++) {
                line.append(chars[i]);
                if (chars[i] == '\n') {
                    emit();
                }
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            emit();
            target.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
            target.close();
        }

        private void emit() throws java.io.IOException {
            if (line.length() > 0) {
                target.write(Redactor.shared().redact(line.toString()));
                line.setLength(0);
            }
        }
    }
}
