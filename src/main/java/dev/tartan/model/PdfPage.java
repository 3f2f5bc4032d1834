package dev.tartan.model;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * One page of a PDF, rendered.
 *
 * @param file      the PDF it is a page of
 * @param index     which page, from 0
 * @param pageCount how many pages the PDF has
 * @param scale     the zoom it was rendered at (1 = 72 dpi, the PDF's own size)
 * @param image     the page's pixels
 * @param millis    how long rendering took
 */
public record PdfPage(Path file, int index, int pageCount, double scale, BufferedImage image, long millis) {
}
