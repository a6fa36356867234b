package dev.plugnet.app;

import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;

/** How a model did on some rows, as lines for people and as JSON for scripts: a classifier's or a regression's. */
interface HeldOutReport {
    /** Prints the report as lines. */
    void print(PrintWriter out);

    /** @return the report as a JSON object */
    ObjectNode toJson();
}
