package dev.plugnet.app;

/**
 * Cells of the CSV files plugnet writes: quoted when they hold a comma, a quote or a line break (RFC 4180),
 * and, where a spreadsheet would read them as a formula (a cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return), prefixed with a single quote inside quotes, as OWASP recommends
 * against CSV injection. A number such as {@code -1.5} is a number, not a formula, and is kept as it is.
 */
final class CsvCells {
    private CsvCells() {
    }

    /** @return {@code value} as one CSV cell */
    static String cell(String value) {
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value);
        String text = formula ? "'" + value : value;
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean isNumber(String value) {
        return value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    }
}
