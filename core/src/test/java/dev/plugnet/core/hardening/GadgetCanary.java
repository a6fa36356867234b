package dev.plugnet.core.hardening;

/**
 * A class that records being initialised in a system property. The hostile-config tests name it in configs and
 * check afterwards that it never was: plugnet resolves names only against plugins, never as Java classes.
 */
public final class GadgetCanary {
    static {
        System.setProperty("plugnet.test.gadget-canary", "initialised");
    }

    private GadgetCanary() {
    }
}
