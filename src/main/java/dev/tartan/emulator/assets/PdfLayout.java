package dev.tartan.emulator.assets;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

/**
 * Lays text and tables out top to bottom on US Letter pages with Apache PDFBox, starting a new page when the
 * next block does not fit (a table repeats its header row there), and numbers the pages at the end. Text is
 * set in the standard Helvetica fonts, which encode Latin-1: other characters print as '?'.
 */
final class PdfLayout {
    static final float MARGIN = 40;
    static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    private static final float TOP = PDRectangle.LETTER.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 18;
    private static final float CELL_PADDING = 3;
    private static final Color RULE = new Color(0x9A, 0xA4, 0xAE);
    private static final Color STRIPE = new Color(0xF1, 0xF4, 0xF7);
    private static final Color MUTED = new Color(0x55, 0x5F, 0x69);

    private final PDDocument document;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    /** A table column: its title, its share of the page's width, and whether its cells align right (amounts). */
    record Column(String title, float width, boolean right) {
    }

    PdfLayout(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = TOP;
    }

    /** Starts a new page unless {@code height} more points fit on this one. */
    private boolean ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
            return true;
        }
        return false;
    }

    void title(String text) throws IOException {
        ensure(30);
        y -= 18;
        show(bold, 18, MARGIN, y, text, Color.BLACK);
        y -= 10;
    }

    void heading(String text) throws IOException {
        ensure(60);
        y -= 22;
        show(bold, 13, MARGIN, y, text, Color.BLACK);
        y -= 4;
        rule(MARGIN, MARGIN + WIDTH, y, 0.8f);
        y -= 4;
    }

    void subheading(String text) throws IOException {
        ensure(36);
        y -= 14;
        show(bold, 10.5f, MARGIN, y, text, Color.BLACK);
        y -= 4;
    }

    /** A line of small, grey text (explanations). */
    void note(String text) throws IOException {
        ensure(12);
        y -= 11;
        show(regular, 8, MARGIN, y, fit(regular, 8, text, WIDTH), MUTED);
    }

    void line(String text) throws IOException {
        ensure(13);
        y -= 12;
        show(regular, 9, MARGIN, y, fit(regular, 9, text, WIDTH), Color.BLACK);
    }

    /** The title line of a table: kept on the same page as the table's first rows. */
    void caption(String text) throws IOException {
        ensure(52);
        y -= 12;
        show(bold, 9, MARGIN, y, fit(bold, 9, text, WIDTH), Color.BLACK);
        y -= 3;
    }

    /** Label and value pairs, one a line, the labels in bold. */
    void fields(List<String[]> pairs) throws IOException {
        for (String[] pair : pairs) {
            ensure(13);
            y -= 12;
            show(bold, 9, MARGIN, y, pair[0], Color.BLACK);
            show(regular, 9, MARGIN + 120, y, fit(regular, 9, pair[1], WIDTH - 120), Color.BLACK);
        }
    }

    void space(float points) {
        y -= points;
    }

    /** A table: a header row, then striped rows; on a new page the header row is drawn again. */
    void table(List<Column> columns, List<String[]> rows) throws IOException {
        float rowHeight = 12;
        ensure(2 * rowHeight + 4);
        header(columns, rowHeight);
        for (int i = 0; i < rows.size(); i++) {
            if (ensure(rowHeight)) {
                header(columns, rowHeight);
            }
            if (i % 2 == 1) {
                content.setNonStrokingColor(STRIPE);
                content.addRect(MARGIN, y - rowHeight, WIDTH, rowHeight);
                content.fill();
            }
            y -= rowHeight;
            cells(columns, rows.get(i), regular, y + 3.5f);
        }
        y -= 4;
    }

    private void header(List<Column> columns, float rowHeight) throws IOException {
        y -= rowHeight;
        String[] titles = columns.stream().map(Column::title).toArray(String[]::new);
        cells(columns, titles, bold, y + 3.5f);
        rule(MARGIN, MARGIN + WIDTH, y, 0.6f);
    }

    private void cells(List<Column> columns, String[] values, PDFont font, float baseline) throws IOException {
        float x = MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            float width = column.width() * WIDTH;
            String text = fit(font, 8, values[c] == null ? "" : values[c], width - 2 * CELL_PADDING);
            float textX = column.right() ? x + width - CELL_PADDING - textWidth(font, 8, text) : x + CELL_PADDING;
            show(font, 8, textX, baseline, text, Color.BLACK);
            x += width;
        }
    }

    private void rule(float fromX, float toX, float atY, float thickness) throws IOException {
        content.setStrokingColor(RULE);
        content.setLineWidth(thickness);
        content.moveTo(fromX, atY);
        content.lineTo(toX, atY);
        content.stroke();
    }

    private void show(PDFont font, float size, float x, float atY, String text, Color color) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setNonStrokingColor(color);
        content.setFont(font, size);
        content.newLineAtOffset(x, atY);
        content.showText(text);
        content.endText();
    }

    /** Closes the last page and writes "page N of M" and {@code footer} at the foot of every page. */
    void finish(String footer) throws IOException {
        content.close();
        content = null;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream foot = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String left = fit(regular, 7.5f, printable(footer), WIDTH - 80);
                String right = "Page " + (i + 1) + " of " + pages;
                foot.beginText();
                foot.setNonStrokingColor(MUTED);
                foot.setFont(regular, 7.5f);
                foot.newLineAtOffset(MARGIN, MARGIN);
                foot.showText(left);
                foot.endText();
                foot.beginText();
                foot.setFont(regular, 7.5f);
                foot.newLineAtOffset(MARGIN + WIDTH - textWidth(regular, 7.5f, right), MARGIN);
                foot.showText(right);
                foot.endText();
            }
        }
    }

    /** {@code text} made printable and cut (with "...") to fit {@code width} points. */
    private String fit(PDFont font, float size, String text, float width) throws IOException {
        String printable = printable(text);
        if (textWidth(font, size, printable) <= width) {
            return printable;
        }
        int end = printable.length();
        while (end > 0 && textWidth(font, size, printable.substring(0, end) + "...") > width) {
            end--;
        }
        return printable.substring(0, end) + "...";
    }

    private static float textWidth(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The standard fonts encode Latin-1 only; anything else becomes '?'. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF) ? (char) c : '?'));
        return out.toString();
    }
}
