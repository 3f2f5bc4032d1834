package dev.tartan.ui.assets;

import dev.tartan.model.PdfPage;
import dev.tartan.model.Profile;
import dev.tartan.model.TokenEntry;
import dev.tartan.service.AssetReportService;
import dev.tartan.service.PdfRenderer;
import dev.tartan.ui.common.TaskCenter;
import dev.tartan.ui.common.data.Outcome;
import dev.tartan.ui.common.data.SubjectLoader;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The open report's PDF inside the app: fetched once (when its tab is first shown), rendered a page
 * at a time with PDFBox off the FX thread, paged and zoomed; saved where the user chooses, or opened
 * in the system's viewer. Answers for a report no longer open are dropped (the loader's opening).
 */
public final class ReportPdfViewModel {

    /** Each zoom step multiplies or divides the scale by this. */
    static final double ZOOM_STEP = 1.25;

    private final AssetReportService reports;
    private final PdfRenderer renderer;
    private final TaskCenter tasks;
    private final SubjectLoader loader;
    private final Consumer<Path> openFile;

    private final ObjectProperty<Outcome<PdfPage>> page = new SimpleObjectProperty<>(Outcome.nothing());
    private final ObjectProperty<Outcome<String>> saved = new SimpleObjectProperty<>(Outcome.nothing());
    private Profile profile;
    private TokenEntry report;
    private Path file;
    private int index;
    private double scale = 1.25;
    /** Which render was asked for last: an older one finishing late is dropped. */
    private long renderAsked;
    private boolean fetching;

    ReportPdfViewModel(AssetReportService reports, PdfRenderer renderer, TaskCenter tasks, SubjectLoader loader, Consumer<Path> openFile) {
        this.reports = reports;
        this.renderer = renderer;
        this.tasks = tasks;
        this.loader = loader;
        this.openFile = openFile;
    }

    /** Another report is open (null: none): its PDF is fetched when first shown. */
    void open(Profile forProfile, TokenEntry entry) {
        profile = forProfile;
        report = entry;
        file = null;
        index = 0;
        fetching = false;
        renderAsked++;
        page.set(Outcome.nothing());
        saved.set(Outcome.nothing());
    }

    /** Fetches the PDF (once) and shows its first page: its tab was shown. */
    public void show() {
        if (report == null || file != null || fetching) {
            return;
        }
        fetching = true;
        page.set(Outcome.loading("Fetching the PDF (" + AssetReportService.PDF + ")\u2026"));
        loader.whenCurrent(tasks.run("Fetch the asset report PDF", () -> reports.downloadPdf(profile, report, loader.callLog())), pdf -> {
            fetching = false;
            file = pdf;
            render();
        }, failure -> {
            fetching = false;
            page.set(Outcome.failed(failure));
        });
    }

    /** Fetches the PDF again (a failure's "Try again", or the report changed). */
    public void reload() {
        file = null;
        fetching = false;
        show();
    }

    private void render() {
        if (file == null) {
            return;
        }
        long asked = ++renderAsked;
        if (!page.get().hasData()) {
            page.set(Outcome.loading("Rendering page " + (index + 1) + "\u2026"));
        }
        loader.whenCurrent(renderer.render(file, index, scale), rendered -> {
            if (asked == renderAsked) {
                index = rendered.index();
                scale = rendered.scale();
                page.set(Outcome.data(rendered, Instant.now(), false));
            }
        }, failure -> {
            if (asked == renderAsked) {
                page.set(Outcome.failed(failure));
            }
        });
    }

    public void next() {
        PdfPage shown = shown();
        if (shown != null && shown.index() + 1 < shown.pageCount()) {
            index = shown.index() + 1;
            render();
        }
    }

    public void previous() {
        PdfPage shown = shown();
        if (shown != null && shown.index() > 0) {
            index = shown.index() - 1;
            render();
        }
    }

    /** Goes to page {@code number} (from 1); out of range goes to the first or last page. */
    public void goTo(int number) {
        if (shown() != null) {
            index = Math.max(0, number - 1);
            render();
        }
    }

    public void zoomIn() {
        zoomTo(scale * ZOOM_STEP);
    }

    public void zoomOut() {
        zoomTo(scale / ZOOM_STEP);
    }

    /** Renders at {@code newScale} (1 = the PDF's own size), within what the renderer allows. */
    public void zoomTo(double newScale) {
        double bounded = Math.max(PdfRenderer.MIN_SCALE, Math.min(PdfRenderer.MAX_SCALE, newScale));
        if (shown() != null && bounded != scale) {
            scale = bounded;
            render();
        }
    }

    private PdfPage shown() {
        return page.get().hasData() ? page.get().data() : null;
    }

    /** Saves a copy of the PDF at {@code target}; {@link #savedProperty()} says how it went. */
    public void save(Path target) {
        if (file == null) {
            return;
        }
        loader.act(saved, "Save the PDF", log -> reports.savePdf(file, target), where -> "Saved to " + where);
    }

    /** Opens the report's PDF in the system's viewer. */
    public void openExternally() {
        if (file != null) {
            openFile.accept(file);
        }
    }

    /** Fetches the PDF of an audit copy of the report and opens it in the system's viewer. */
    void openExternally(TokenEntry auditCopy) {
        loader.act(saved, "Fetch the audit copy's PDF", log -> reports.downloadPdf(profile, auditCopy, log), pdf -> {
            openFile.accept(pdf);
            return "Opened the audit copy's PDF (" + pdf.getFileName() + ") in the system's viewer.";
        });
    }

    /** The page shown: loading, rendered, or why there is none. */
    public ReadOnlyObjectProperty<Outcome<PdfPage>> pageProperty() {
        return page;
    }

    /** The last save (or external opening). */
    public ReadOnlyObjectProperty<Outcome<String>> savedProperty() {
        return saved;
    }

    /** Where the PDF was fetched to, or null before. */
    public Path file() {
        return file;
    }

    /** A name to save the PDF under. */
    public String suggestedFileName() {
        return report == null || report.ownerId() == null ? "asset-report.pdf" : "asset-report-" + report.ownerId() + ".pdf";
    }
}
