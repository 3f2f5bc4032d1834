package dev.tartan.ui.assets;

import atlantafx.base.theme.Styles;
import dev.tartan.model.AssetReportDigest;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each account's balance at the end of every day of the report, one line per account. The lines
 * are drawn when the tab is shown (a two-year report of many accounts is thousands of points).
 */
final class BalanceChart extends VBox {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy");

    private final NumberAxis days = new NumberAxis();
    private final NumberAxis balance = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(days, balance);
    private final Label note = new Label();
    private AssetReportDigest pending;
    private AssetReportDigest drawn;
    private ObservableBooleanValue shown;
    private Map<String, String> itemNames = Map.of();

    BalanceChart() {
        setSpacing(4);
        setPadding(new javafx.geometry.Insets(4, 8, 8, 8));
        chart.setId("balanceChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        days.setForceZeroInRange(false);
        days.setAutoRanging(false);
        days.setLabel("day");
        days.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochDay) {
                // Days over a few months; months over a year or two.
                return (days.getUpperBound() - days.getLowerBound() > 180 ? MONTH : DAY).format(LocalDate.ofEpochDay(epochDay.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return null;
            }
        });
        balance.setForceZeroInRange(false);
        balance.setLabel("balance at the end of the day");
        note.setId("balanceChartNote");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(chart, note);
    }

    /** Draws only while {@code visible} (the tab is shown); a digest that came meanwhile is drawn once it is. */
    void showWhen(ObservableBooleanValue visible) {
        this.shown = visible;
        visible.addListener((obs, was, now) -> {
            if (now) {
                draw();
            }
        });
    }

    /** @param names what the report's Items are called, to tell apart accounts of the same name */
    void show(AssetReportDigest digest, Map<String, String> names) {
        itemNames = names;
        pending = digest;
        if (shown == null || shown.get()) {
            draw();
        }
    }

    private void draw() {
        if (pending == null || pending == drawn) {
            return;
        }
        AssetReportDigest digest = pending;
        drawn = digest;
        List<XYChart.Series<Number, Number>> lines = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int without = 0;
        Map<String, Long> titles = digest.accounts().stream()
                .collect(Collectors.groupingBy(AssetReportDigest.AccountSummary::title, Collectors.counting()));
        for (AssetReportDigest.AccountSummary account : digest.accounts()) {
            if (account.balances().isEmpty()) {
                without++;
                continue;
            }
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            // Two Items of one bank have accounts of the same name: the Item tells them apart.
            line.setName(titles.get(account.title()) > 1
                    ? account.title() + " (" + itemNames.getOrDefault(account.itemId(), account.institutionName()) + ")" : account.title());
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(account.balances().size());
            for (AssetReportDigest.BalancePoint point : account.balances()) {
                long day = point.date().toEpochDay();
                first = Math.min(first, day);
                last = Math.max(last, day);
                points.add(new XYChart.Data<>(day, point.current()));
            }
            line.getData().setAll(points);
            lines.add(line);
        }
        if (!lines.isEmpty()) {
            long span = Math.max(1, last - first);
            days.setLowerBound(first);
            days.setUpperBound(last + Math.max(1, span / 40)); // room for the last tick's label
            days.setTickUnit(Math.max(1, Math.round(span / 8.0)));
        }
        chart.getData().setAll(lines);
        note.setText(lines.isEmpty() ? "No account of this report has daily balances (a report of 0 days, or accounts without history)."
                : without == 0 ? "" : without + " account" + (without == 1 ? " has" : "s have") + " no daily balances (investment or "
                + "loan accounts without history) and " + (without == 1 ? "is" : "are") + " not drawn.");
    }

    /** The chart, for tests and screenshots. */
    LineChart<Number, Number> chart() {
        return chart;
    }
}
