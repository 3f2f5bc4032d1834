package dev.tartan.service;

import dev.tartan.model.PdfPage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Renders the pages of a PDF Tartan downloaded (an asset report) to images, with Apache PDFBox,
 * off the FX thread. The last PDF rendered stays open, so paging and zooming do not read it again;
 * PDFBox is not thread-safe, so one page is rendered at a time.
 */
public final class PdfRenderer implements AutoCloseable {

    /** Zoom stays within these: smaller is unreadable, larger is a lot of pixels for nothing. */
    public static final double MIN_SCALE = 0.5;
    public static final double MAX_SCALE = 4.0;

    private final Executor io;
    private Path openFile;
    private java.nio.file.attribute.FileTime openModified;
    private PDDocument document;
    private PDFRenderer renderer;

    public PdfRenderer(Executor io) {
        this.io = io;
    }

    /** Renders page {@code index} (from 0) of {@code file} at {@code scale} (1 = the PDF's own size at 72 dpi). */
    public CompletableFuture<PdfPage> render(Path file, int index, double scale) {
        return CompletableFuture.supplyAsync(() -> renderNow(file, index, scale), io);
    }

    private synchronized PdfPage renderNow(Path file, int index, double scale) {
        long start = System.nanoTime();
        try {
            open(file);
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new IllegalArgumentException("The PDF has no pages");
            }
            int page = Math.max(0, Math.min(index, pages - 1));
            double zoom = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
            BufferedImage image = renderer.renderImage(page, (float) zoom, ImageType.RGB);
            return new PdfPage(file, page, pages, zoom, image, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            closeDocument();
            throw new UncheckedIOException("Could not read the PDF " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Opens {@code file}, unless it is the one open and has not been written again since (a PDF fetched anew). */
    private void open(Path file) throws IOException {
        java.nio.file.attribute.FileTime modified = java.nio.file.Files.getLastModifiedTime(file);
        if (document != null && file.equals(openFile) && modified.equals(openModified)) {
            return;
        }
        closeDocument();
        document = Loader.loadPDF(file.toFile());
        renderer = new PDFRenderer(document);
        openFile = file;
        openModified = modified;
    }

    private void closeDocument() {
        if (document != null) {
            try {
                document.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
        document = null;
        renderer = null;
        openFile = null;
        openModified = null;
    }

    @Override
    public synchronized void close() {
        closeDocument();
    }
}
