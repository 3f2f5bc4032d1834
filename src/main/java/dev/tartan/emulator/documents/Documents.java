package dev.tartan.emulator.documents;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real, openable files for the binary operations: text PDFs (via Apache PDFBox) and zip archives. */
public final class Documents {
    private static final float MARGIN = 60;
    private static final float TITLE_SIZE = 16;
    private static final float TEXT_SIZE = 10;
    private static final float LEADING = 14;
    private static final int WRAP_AT = 95;

    private Documents() {
    }

    /** A PDF with a title and lines of text, on as many US Letter pages as the lines need. */
    public static byte[] pdf(String title, List<String> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            List<String> wrapped = wrap(lines);
            int perPage = (int) ((PDRectangle.LETTER.getHeight() - 2 * MARGIN - 2 * LEADING) / LEADING);
            int index = 0;
            do {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(bold, TITLE_SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(MARGIN, PDRectangle.LETTER.getHeight() - MARGIN);
                    content.showText(printable(title));
                    content.setFont(regular, TEXT_SIZE);
                    content.newLine();
                    for (int shown = 0; shown < perPage && index < wrapped.size(); shown++, index++) {
                        content.newLine();
                        content.showText(printable(wrapped.get(index)));
                    }
                    content.endText();
                }
            } while (index < wrapped.size());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(printable(title));
            info.setProducer("Tartan Plaid Sandbox emulator");
            info.setCreationDate(Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a PDF document", e);
        }
    }

    /** A zip archive holding {@code files} (name to content) in the given order. */
    public static byte[] zip(Map<String, byte[]> files) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a zip archive", e);
        }
    }

    private static List<String> wrap(List<String> lines) {
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            String rest = line;
            while (rest.length() > WRAP_AT) {
                int cut = rest.lastIndexOf(' ', WRAP_AT);
                cut = cut <= 0 ? WRAP_AT : cut;
                wrapped.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            wrapped.add(rest);
        }
        return wrapped;
    }

    /** The standard PDF fonts only encode Latin-1 text; anything else becomes '?'. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF) ? (char) c : '?'));
        return out.toString();
    }
}
