package dev.tartan.emulator.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tartan.emulator.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A product's persistence as an append-only file of facts (one JSON object per line) next to the
 * emulator's {@code state.json}: a change appends a few hundred bytes instead of rewriting the whole state,
 * and a start replays the file. A last line cut short by a crash is dropped; a damaged line elsewhere stops
 * the start. Without a folder the journal keeps nothing. Not thread-safe: callers hold the state lock.
 *
 * @param <T> the facts' type: a Jackson-mapped (usually sealed, polymorphic) type
 */
public final class Journal<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final int REPLAY_BATCH = 4096;

    private final Path file;
    private final String name;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private BufferedWriter out;

    private Journal(Path file, String name, Class<T> type) {
        this.file = file;
        this.name = name;
        this.writer = MAPPER.writerFor(type);
        this.reader = MAPPER.readerFor(type);
    }

    /** A journal that keeps nothing (an emulator without a data folder). */
    public static <T> Journal<T> inMemory(String name, Class<T> type) {
        return new Journal<>(null, name, type);
    }

    /**
     * The journal {@code fileName} in {@code folder}; {@code reset} discards what it held.
     *
     * @param name what the journal holds, for messages ("transfer journal")
     */
    public static <T> Journal<T> in(Path folder, String fileName, String name, Class<T> type, boolean reset) {
        Path file = folder.resolve(fileName);
        try {
            Files.createDirectories(folder);
            if (reset) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the " + name + " " + file, e);
        }
        return new Journal<>(file, name, type);
    }

    /** Hands every fact to {@code apply}, oldest first, then opens the file for appending. Call once, first. */
    public void replay(Consumer<T> apply) {
        if (file == null) {
            return;
        }
        try {
            long kept = Files.exists(file) ? read(apply) : 0;
            long size = Files.exists(file) ? Files.size(file) : 0;
            StateFiles.preparePrivateFile(file);
            // Drops a torn last line, so the next fact starts on a line of its own.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.truncate(kept);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            if (kept > size) {
                out.write('\n'); // the last fact was whole but its line end was not written
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the " + name + " " + file, e);
        }
    }

    /**
     * Applies each complete line, in order; returns the length of the part that was whole. Lines are parsed
     * in batches on all cores (parsing is most of a replay) and applied one by one.
     */
    private long read(Consumer<T> apply) {
        long kept = 0;
        int lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> lines = new ArrayList<>(REPLAY_BATCH);
            String line = in.readLine();
            while (line != null) {
                lines.clear();
                while (line != null && lines.size() < REPLAY_BATCH) {
                    lines.add(line);
                    line = in.readLine();
                }
                boolean lastBatch = line == null;
                List<Parsed<T>> parsed = lines.parallelStream().map(this::parse).toList();
                for (int i = 0; i < parsed.size(); i++) {
                    lineNumber++;
                    Parsed<T> fact = parsed.get(i);
                    if (fact.error() != null) {
                        if (lastBatch && i == parsed.size() - 1) {
                            LOG.warn("the {}'s last line was cut short (line {}); it is dropped", name, lineNumber);
                            return kept;
                        }
                        throw new IllegalStateException("the " + name + " " + file + " is damaged at line " + lineNumber
                                + "; start the emulator with --reset to discard it", fact.error());
                    }
                    apply.accept(fact.fact());
                    kept += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + name + " " + file, e);
        }
        return kept;
    }

    /** A journal line read: its fact, or why it could not be. */
    private record Parsed<T>(T fact, JsonProcessingException error) {
    }

    private Parsed<T> parse(String line) {
        try {
            return new Parsed<>(reader.readValue(line), null);
        } catch (JsonProcessingException e) {
            return new Parsed<>(null, e);
        }
    }

    public void append(T fact) {
        if (out == null) {
            return;
        }
        try {
            out.write(writer.writeValueAsString(fact));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the " + name + " " + file, e);
        }
    }

    /** Hands what was appended to the file (at the end of each change). */
    public void flush() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the " + name + " " + file, e);
        }
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.error("could not close the {} {}", name, file, e);
        } finally {
            out = null;
        }
    }
}
