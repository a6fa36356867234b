package dev.plugnet.core.text;

import java.util.Locale;

/**
 * Values from files shown in messages and reports: control characters escaped ({@code \u001b} for ESC, so
 * nothing from a file can move the cursor, rewrite a line or ring the terminal) and a value longer than
 * {@link #MAX_SHOWN} characters cut, with its full length given.
 */
public final class Printable {
    /** The most characters of one value a message shows. */
    public static final int MAX_SHOWN = 80;

    private Printable() {
    }

    /** @return {@code value} escaped and cut to {@link #MAX_SHOWN} characters: {@code abc… (10,485,760 characters)} */
    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        int cut = value.length() > MAX_SHOWN ? value.offsetByCodePoints(0, Math.min(MAX_SHOWN,
                value.codePointCount(0, value.length()))) : value.length();
        String shown = escape(value.substring(0, cut));
        return cut < value.length()
                ? shown + String.format(Locale.ROOT, "… (%,d characters)", value.length()) : shown;
    }

    /** @return {@code "value"}, escaped and cut as {@link #of} does */
    public static String quoted(String value) {
        if (value != null && value.length() > MAX_SHOWN) {
            String shown = of(value);
            int dots = shown.lastIndexOf("… (");
            return "\"" + shown.substring(0, dots) + "…\"" + shown.substring(dots + 1);
        }
        return "\"" + of(value) + "\"";
    }

    /** @return {@code text} with every control character (C0, DEL, C1) and line or paragraph separator escaped */
    public static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
