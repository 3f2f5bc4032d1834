package dev.tartan.emulator.assets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.emulator.support.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The data of generated reports: each report's full JSON (insights included) as it was generated, gzipped.
 * Reports are immutable, so a snapshot is written once and read for every get, PDF, audit copy or filter.
 * Kept as one file per report in {@code asset_reports/} beside the journal (a 2-year report over several large
 * Items is megabytes, too much for the journal or {@code state.json}), or in memory without a data folder.
 * The reports read last are also kept parsed, softly (the memory is given back when the heap runs short), so
 * reading a large report again, or right after it is generated, costs no parsing. Callers must not change
 * what {@link #get} returns. Thread-safe.
 */
final class Snapshots {
    static final String FOLDER = "asset_reports";
    private static final String SUFFIX = ".json.gz";
    private static final int PARSED_KEPT = 2;

    private final Path folder;
    private final Map<String, byte[]> memory = new ConcurrentHashMap<>();
    /** The reports read or stored last, parsed, most recent last. */
    private final Map<String, SoftReference<ObjectNode>> parsed = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SoftReference<ObjectNode>> eldest) {
            return size() > PARSED_KEPT;
        }
    };

    private Snapshots(Path folder) {
        this.folder = folder;
    }

    static Snapshots inMemory() {
        return new Snapshots(null);
    }

    /** Snapshots in {@code <emulatorFolder>/asset_reports/}; {@code reset} discards those kept. */
    static Snapshots in(Path emulatorFolder, boolean reset) {
        Path folder = emulatorFolder.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
            if (reset) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                    for (Path file : files) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the asset report folder " + folder, e);
        }
        return new Snapshots(folder);
    }

    /** A report ready to be stored: itself, and its bytes (made outside the state lock, which storing holds). */
    record Packed(ObjectNode report, byte[] bytes) {
    }

    static Packed pack(ObjectNode report) {
        return new Packed(report, packBytes(report));
    }

    void put(String reportId, Packed report) {
        byte[] packed = report.bytes();
        keep(reportId, report.report());
        if (folder == null) {
            memory.put(reportId, packed);
            return;
        }
        Path file = file(reportId);
        Path partial = folder.resolve(reportId + SUFFIX + ".part");
        try {
            Files.write(partial, packed);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the asset report " + reportId, e);
        }
    }

    /** The report as generated, or empty when nothing is stored for it. Not to be changed: it may be shared. */
    Optional<ObjectNode> get(String reportId) {
        ObjectNode kept = kept(reportId);
        if (kept != null) {
            return Optional.of(kept);
        }
        byte[] packed;
        if (folder == null) {
            packed = memory.get(reportId);
        } else {
            try {
                packed = Files.readAllBytes(file(reportId));
            } catch (NoSuchFileException e) {
                packed = null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the asset report " + reportId, e);
            }
        }
        if (packed == null) {
            return Optional.empty();
        }
        ObjectNode report = unpack(packed);
        keep(reportId, report);
        return Optional.of(report);
    }

    private ObjectNode kept(String reportId) {
        synchronized (parsed) {
            SoftReference<ObjectNode> reference = parsed.get(reportId);
            return reference == null ? null : reference.get();
        }
    }

    private void keep(String reportId, ObjectNode report) {
        synchronized (parsed) {
            parsed.put(reportId, new SoftReference<>(report));
        }
    }

    void delete(String reportId) {
        synchronized (parsed) {
            parsed.remove(reportId);
        }
        if (folder == null) {
            memory.remove(reportId);
            return;
        }
        try {
            Files.deleteIfExists(file(reportId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the asset report " + reportId, e);
        }
    }

    private Path file(String reportId) {
        return folder.resolve(reportId + SUFFIX);
    }

    private static byte[] packBytes(ObjectNode report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        // The fastest compression: a large report shrinks about fivefold all the same, and storing it stays quick.
        try (OutputStream out = new GZIPOutputStream(bytes, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            Json.MAPPER.writeValue(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize an asset report", e);
        }
        return bytes.toByteArray();
    }

    private static ObjectNode unpack(byte[] packed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed), 64 * 1024)) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored asset report", e);
        }
    }
}
