package dev.plugnet.app;

/**
 * Fills a plugin's formula template ({@link dev.plugnet.api.Formulas}) with the symbols of one step, or falls
 * back to a neutral description when the plugin gives none, so that {@code explain} never prints an equation
 * the plugin did not state.
 */
final class StepFormula {
    private StepFormula() {
    }

    /** @return {@code template} with {@code {in}}, {@code {out}}, {@code {n}} and {@code {t}} filled in */
    static String fill(String template, String in, String out, int n) {
        return template.replace("{in}", in).replace("{out}", out).replace("{n}", String.valueOf(n))
                .replace("{t}", "t");
    }

    /** @return {@code "neutral = formula"} with the formula filled in, or {@code neutral} alone */
    static String equation(String neutral, String template, String in, String out, int n) {
        return template == null ? neutral : neutral + " = " + fill(template, in, out, n);
    }

    /** @return {@code " = formula"} filled in, or {@code "   (neutral)"} when there is no formula */
    static String rest(String template, String in, String out, int n, String neutral) {
        return template == null ? "   (" + neutral + ")" : " = " + fill(template, in, out, n);
    }
}
