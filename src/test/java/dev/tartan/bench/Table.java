package dev.tartan.bench;

import java.util.ArrayList;
import java.util.List;

/** Prints a benchmark's results as a Markdown table, columns as wide as their widest cell. */
final class Table {

    private Table() {
    }

    static void print(List<String> header, List<String[]> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(header.toArray(String[]::new));
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, all.get(0), widths);
        out.append('|');
        for (int width : widths) {
            out.append("-".repeat(width + 2)).append('|');
        }
        out.append('\n');
        all.subList(1, all.size()).forEach(row -> line(out, row, widths));
        System.out.print(out);
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            out.append(' ').append(String.format("%-" + widths[i] + "s", cells[i])).append(" |");
        }
        out.append('\n');
    }
}
