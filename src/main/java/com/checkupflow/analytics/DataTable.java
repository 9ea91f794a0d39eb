package com.checkupflow.analytics;

import java.util.List;

/** The table behind one chart: column names and rows; served as JSON and as CSV. */
record DataTable(List<String> columns, List<List<Object>> rows) {

    String csv() {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns.stream().map(DataTable::cell).toList())).append("\r\n");
        for (List<Object> row : rows) {
            out.append(String.join(",", row.stream().map(DataTable::cell).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // Quote what CSV needs quoted; neutralise leading formula characters for spreadsheet users.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
